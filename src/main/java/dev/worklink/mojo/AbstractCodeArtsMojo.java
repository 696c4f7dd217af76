package dev.worklink.mojo;

import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that call Huawei Cloud CodeArts (attach, link, thumbnail, icon): their {@code endpoint} and {@code serverId}
 * mean a CodeArts base URL and a CodeArts {@code <server>}, under the properties {@code worklink.endpoint} and
 * {@code worklink.serverId}. project-image, which calls SuperOffice, has its own ({@code worklink.superoffice.*}), so
 * that one {@code -D} never feeds two goals two meanings.
 */
public abstract class AbstractCodeArtsMojo extends AbstractWorklinkMojo {

    /**
     * Id of the {@code <server>} in settings.xml that holds the CodeArts credentials.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.serverId", defaultValue = "codearts")
    protected String serverId;

    /**
     * Base URL of the CodeArts service, e.g. {@code https://projectman-ext.cn-north-4.myhuaweicloud.com}. When not set, it
     * is derived from {@code region}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "worklink.endpoint")
    protected String endpoint;

    @Override
    protected String endpoint() {
        return endpoint;
    }

    @Override
    protected String serverId() {
        return serverId;
    }
}
