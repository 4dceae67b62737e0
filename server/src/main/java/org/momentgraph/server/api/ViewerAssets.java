package org.momentgraph.server.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The viewer page and its scripts, read once from the class path: {@code webroot/} of this jar and
 * Cytoscape.js from the {@code org.webjars.npm:cytoscape} jar (bundled at build time, so the page
 * loads nothing from the internet).
 */
final class ViewerAssets {

    private static final String CYTOSCAPE_POM = "META-INF/maven/org.webjars.npm/cytoscape/pom.properties";

    private record Asset(Buffer bytes, String contentType) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    ViewerAssets() {
        add("index.html", "webroot/index.html", "text/html; charset=utf-8");
        add("viewer.js", "webroot/viewer.js", "text/javascript; charset=utf-8");
        add("viewer.css", "webroot/viewer.css", "text/css; charset=utf-8");
        add("cytoscape.min.js", "META-INF/resources/webjars/cytoscape/" + cytoscapeVersion() + "/dist/cytoscape.min.js",
                "text/javascript; charset=utf-8");
    }

    /** GET /: the page. */
    void page(RoutingContext ctx) {
        send(ctx, assets.get("index.html"));
    }

    /** GET /assets/:name: a script or style sheet of the page. */
    void asset(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Asset a = name.equals("index.html") ? null : assets.get(name);
        if (a == null) {
            ctx.fail(new ApiError(404, "name", "no such asset '" + name + "'"));
            return;
        }
        send(ctx, a);
    }

    private static void send(RoutingContext ctx, Asset a) {
        ctx.response().putHeader("Content-Type", a.contentType()).putHeader("Cache-Control", "no-cache").end(a.bytes());
    }

    private void add(String name, String resource, String contentType) {
        assets.put(name, new Asset(Buffer.buffer(read(resource)), contentType));
    }

    private static String cytoscapeVersion() {
        Properties p = new Properties();
        try (InputStream in = resource(CYTOSCAPE_POM)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = resource(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path resource " + resource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ViewerAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("class path resource " + name + " is missing from the build");
        }
        return in;
    }
}
