package dev.worklink.codearts;

import java.net.URI;

/** Service base URLs: the documented host for a region, and paths joined onto a base that may carry its own path. */
public final class Endpoints {

    private Endpoints() {}

    /** CodeArts Req (projectman) for a region. */
    public static URI req(String region) {
        return URI.create("https://projectman-ext." + region + ".myhuaweicloud.com");
    }

    /** CodeArts Pipeline (extension marketplace) for a region. */
    public static URI pipeline(String region) {
        return URI.create("https://cloudpipeline-ext." + region + ".myhuaweicloud.com");
    }

    /** {@code base} + {@code pathAndQuery}, keeping any path the base has (a gateway prefix) and a single slash between. */
    public static URI resolve(URI base, String pathAndQuery) {
        String b = base.toString();
        if (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        return URI.create(b + pathAndQuery);
    }
}
