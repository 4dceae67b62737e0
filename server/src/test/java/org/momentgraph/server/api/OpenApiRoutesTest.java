package org.momentgraph.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.ext.web.Route;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** openapi.yaml documents exactly the routes the router registers. */
class OpenApiRoutesTest extends ApiTestBase {

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(ApiRouter.openApiYaml());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.get("paths").get(path).fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        Set<String> registered = new TreeSet<>();
        for (Route route : server.router().getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue; // the CORS, body and failure handlers that apply to every route
            }
            String path = route.getPath().replaceAll(":(\\w+)", "{$1}");
            route.methods().forEach(m -> registered.add(m.name() + " " + path));
        }
        assertThat(registered).hasSize(12);
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void servedDocumentIsTheResource() {
        assertThat(get("/openapi.yaml").body().getBytes()).isEqualTo(ApiRouter.openApiYaml());
    }
}
