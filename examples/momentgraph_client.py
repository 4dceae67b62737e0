"""A small client for the MomentGraph REST API (``momentgraph serve``), for notebooks and scripts.

    from momentgraph_client import MomentGraphClient
    mg = MomentGraphClient("http://127.0.0.1:8080")
    mg.search("a man opens the fridge", k=5)            # pandas DataFrame, one row per moment
    g = mg.video_graph("friends_s01e01_seg02_clip_00")  # networkx graph

Needs ``requests``, ``pandas`` and ``networkx``. Every API error raises ``MomentGraphError`` with the
server's message, the offending field and the HTTP status.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional, Sequence

import networkx as nx
import pandas as pd
import requests

__all__ = ["MomentGraphClient", "MomentGraphError"]

MOMENT_COLUMNS = ["video", "start", "end", "score", "vr_score", "matches"]


class MomentGraphError(RuntimeError):
    """An error answer of the API: ``{"error": message, "field": field}`` with its HTTP status."""

    def __init__(self, status: int, message: str, field: Optional[str] = None):
        where = f" (field {field})" if field else ""
        super().__init__(f"HTTP {status}: {message}{where}")
        self.status = status
        self.message = message
        self.field = field


class MomentGraphClient:
    """Calls one MomentGraph server; ``base_url`` is where ``momentgraph serve`` listens."""

    def __init__(self, base_url: str = "http://127.0.0.1:8080", timeout: float = 60.0,
                 session: Optional[requests.Session] = None):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = session or requests.Session()

    # --- retrieval -------------------------------------------------------------------------------

    def search(self, query: str, k: int = 10) -> pd.DataFrame:
        """VCMR: the k best moments in the whole corpus, best first."""
        return self._moments(self._call("POST", "/v1/search", json={"query": query, "k": k}))

    def localize(self, video_id: str, query: str, k: int = 10) -> pd.DataFrame:
        """SVMR: the k best moments in one video, best first."""
        path = f"/v1/videos/{requests.utils.quote(video_id, safe='')}/moments"
        return self._moments(self._call("POST", path, json={"query": query, "k": k}))

    # --- corpus ----------------------------------------------------------------------------------

    def add_video(self, video_id: str, duration: float, clip_length: float,
                  features: Optional[Sequence[Sequence[float]]] = None,
                  features_path: Optional[str] = None,
                  detections: Iterable[Mapping[str, Any]] = ()) -> dict:
        """Adds a video: one feature row per clip (inline, or a .npy path under the server's data root)
        and detections as ``{"t": seconds, "objects": [{"label", "score", "box": [x1, y1, x2, y2]}]}``."""
        if (features is None) == (features_path is None):
            raise ValueError("give exactly one of features or features_path")
        body: dict[str, Any] = {"id": video_id, "duration": float(duration), "clip_length": float(clip_length),
                                "detections": list(detections)}
        if features is not None:
            body["features"] = [[float(x) for x in row] for row in features]
        else:
            body["features_path"] = features_path
        return self._call("POST", "/v1/videos", json=body)

    def remove_video(self, video_id: str) -> None:
        self._call("DELETE", f"/v1/videos/{requests.utils.quote(video_id, safe='')}")

    def list_videos(self, offset: int = 0, limit: int = 100) -> pd.DataFrame:
        """One page of videos in the order they were added; ``df.attrs["total"]`` counts all of them."""
        page = self._call("GET", "/v1/videos", params={"offset": offset, "limit": limit})
        frame = pd.DataFrame(page["videos"], columns=["id", "duration", "clip_length", "clips", "feature_dim", "frames"])
        frame.attrs["total"] = page["total"]
        return frame

    # --- graphs ----------------------------------------------------------------------------------

    def video_graph(self, video_id: str) -> nx.Graph:
        """The relation graph of a video's detections as a networkx graph."""
        path = f"/v1/videos/{requests.utils.quote(video_id, safe='')}/graph"
        return _to_networkx(self._call("GET", path, params={"format": "json"}))

    def query_graph(self, query: str, video_id: Optional[str] = None) -> nx.Graph:
        """The relation graph of a query, grounded in a video's objects when ``video_id`` is given."""
        body: dict[str, Any] = {"query": query, "format": "json"}
        if video_id is not None:
            body["video"] = video_id
        return _to_networkx(self._call("POST", "/v1/graph/query", json=body))

    def graph_text(self, video_id: str, fmt: str = "dot") -> str:
        """A video's graph as GraphML or Graphviz DOT text."""
        path = f"/v1/videos/{requests.utils.quote(video_id, safe='')}/graph"
        return self._call("GET", path, params={"format": fmt}, text=True)

    # --- server ----------------------------------------------------------------------------------

    def health(self) -> bool:
        return self._call("GET", "/v1/health").get("status") == "ok"

    def info(self) -> dict:
        return self._call("GET", "/v1/info")

    def _call(self, method: str, path: str, text: bool = False, **kwargs: Any) -> Any:
        response = self.session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        if response.status_code >= 400:
            try:
                error = response.json()
                raise MomentGraphError(response.status_code, error.get("error", response.reason), error.get("field"))
            except ValueError:
                raise MomentGraphError(response.status_code, response.text or response.reason) from None
        if response.status_code == 204:
            return None
        return response.text if text else response.json()

    @staticmethod
    def _moments(answer: Mapping[str, Any]) -> pd.DataFrame:
        rows = [{**{c: hit[c] for c in MOMENT_COLUMNS[:-1]}, "matches": hit.get("explanation", {}).get("matches", [])}
                for hit in answer["results"]]
        return pd.DataFrame(rows, columns=MOMENT_COLUMNS)


def _to_networkx(data: Mapping[str, Any]) -> nx.Graph:
    """Node-link JSON (keys "nodes" and "links") to a networkx graph."""
    try:
        return nx.node_link_graph(data, edges="links")
    except TypeError:  # networkx < 3.4 has no edges= keyword; "links" is its default there
        return nx.node_link_graph(data)
