// MomentGraph viewer: search, moments on per-video timelines, the relation graph of a selected moment.
(function () {
  'use strict';

  const state = { query: '', hits: [], durations: new Map(), cy: null, selected: null };
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';

  async function api(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const where = data && data.field ? ' (' + data.field + ')' : '';
      throw new Error((data && data.error ? data.error : response.statusText) + where);
    }
    return data;
  }

  function status(message) {
    $('status').textContent = message;
  }

  async function loadDurations() {
    let offset = 0;
    for (;;) {
      const page = await api('GET', '/v1/videos?limit=1000&offset=' + offset);
      page.videos.forEach((v) => state.durations.set(v.id, v.duration));
      offset += page.videos.length;
      if (page.videos.length === 0 || offset >= page.total) return;
    }
  }

  async function search(event) {
    event.preventDefault();
    state.query = $('query').value.trim();
    const k = parseInt($('k').value, 10) || 10;
    if (!state.query) return;
    status('Searching…');
    try {
      const [result] = await Promise.all([api('POST', '/v1/search', { query: state.query, k }), loadDurations()]);
      state.hits = result.results;
      renderResults();
      status(state.hits.length + ' moment' + (state.hits.length === 1 ? '' : 's') + ' found');
      if (state.hits.length > 0) await selectMoment(0);
    } catch (e) {
      status('Search failed: ' + e.message);
    }
  }

  function renderResults() {
    const container = $('results');
    container.replaceChildren();
    const byVideo = new Map();
    state.hits.forEach((hit, index) => {
      if (!byVideo.has(hit.video)) byVideo.set(hit.video, []);
      byVideo.get(hit.video).push({ hit, index });
    });
    for (const [video, moments] of byVideo) {
      const row = document.createElement('div');
      row.className = 'video-row';
      row.dataset.video = video;
      const title = document.createElement('div');
      title.className = 'video-title';
      const name = document.createElement('strong');
      name.textContent = video;
      const score = document.createElement('span');
      score.className = 'score';
      const duration = state.durations.get(video);
      score.textContent = ' video score ' + moments[0].hit.vr_score.toFixed(3)
        + (duration ? ' · ' + duration.toFixed(1) + ' s' : '');
      title.append(name, score);
      row.append(title, timeline(video, moments));
      container.append(row);
    }
  }

  function timeline(video, moments) {
    const duration = state.durations.get(video) || Math.max(...moments.map((m) => m.hit.end)) || 1;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'timeline');
    svg.setAttribute('viewBox', '0 0 1000 28');
    svg.setAttribute('preserveAspectRatio', 'none');
    const track = document.createElementNS(SVG, 'rect');
    track.setAttribute('class', 'track');
    track.setAttribute('x', 0); track.setAttribute('y', 6); track.setAttribute('width', 1000); track.setAttribute('height', 16);
    svg.append(track);
    for (const { hit, index } of moments) {
      const rect = document.createElementNS(SVG, 'rect');
      const x = (1000 * hit.start) / duration;
      rect.setAttribute('class', 'moment');
      rect.setAttribute('x', x);
      rect.setAttribute('y', 3);
      rect.setAttribute('width', Math.max(3, (1000 * (hit.end - hit.start)) / duration));
      rect.setAttribute('height', 22);
      rect.dataset.index = index;
      const tip = document.createElementNS(SVG, 'title');
      tip.textContent = hit.start.toFixed(1) + '–' + hit.end.toFixed(1) + ' s, score ' + hit.score.toFixed(3);
      rect.append(tip);
      rect.addEventListener('click', () => selectMoment(index));
      svg.append(rect);
    }
    return svg;
  }

  async function selectMoment(index) {
    const hit = state.hits[index];
    state.selected = index;
    document.querySelectorAll('svg.timeline .moment').forEach((r) =>
      r.classList.toggle('selected', Number(r.dataset.index) === index));
    $('graph-caption').textContent = hit.video + ' ' + hit.start.toFixed(1) + '–' + hit.end.toFixed(1) + ' s';
    try {
      const graph = await api('POST', '/v1/graph/query', { query: state.query, video: hit.video, format: 'json' });
      drawGraph(graph, hit.explanation ? hit.explanation.matches : []);
    } catch (e) {
      status('Graph failed: ' + e.message);
    }
  }

  function drawGraph(graph, matches) {
    const matched = new Set();
    // query nodes are named "q{id}:{lemma}" in explanations and "q{id}" in the matched graph
    matches.forEach((m) => {
      matched.add(m.query_node); matched.add(String(m.query_node).split(':')[0]);
      matched.add(m.video_node); if (m.relation_target) matched.add(m.relation_target);
    });
    const elements = [];
    (graph.nodes || []).forEach((n) => elements.push({
      data: { id: String(n.id), label: n.label || String(n.id), kind: n.kind || 'node' },
      classes: matched.has(String(n.id)) ? 'matched' : '',
    }));
    (graph.links || graph.edges || []).forEach((e, i) => elements.push({
      data: { id: 'e' + i, source: String(e.source), target: String(e.target), label: e.relation || e.label || '' },
    }));
    if (state.cy) state.cy.destroy();
    state.cy = cytoscape({
      container: $('graph'),
      elements,
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#7c8db5', color: '#1d2433' } },
        { selector: 'node[kind = "query"]', style: { shape: 'round-rectangle', 'background-color': '#9bc1ff' } },
        { selector: 'node.matched', style: { 'background-color': '#e8590c', 'border-width': 2, 'border-color': '#8a3000' } },
        { selector: 'edge', style: { label: 'data(label)', 'font-size': 9, width: 1.5, 'curve-style': 'bezier',
          'target-arrow-shape': 'triangle', 'line-color': '#a8b0c4', 'target-arrow-color': '#a8b0c4' } },
      ],
      layout: { name: 'cose', animate: false, padding: 12 },
    });
    const list = $('matches');
    list.replaceChildren();
    matches.forEach((m) => {
      const li = document.createElement('li');
      li.textContent = m.query_node + ' → ' + m.video_node + (m.relation ? ' [' + m.relation + ']' : '') + ' ' + m.score.toFixed(2);
      list.append(li);
    });
  }

  window.momentGraphViewer = { state, search, selectMoment };
  $('search-form').addEventListener('submit', search);
})();
