package dev.worklink.sandbox;

import dev.worklink.files.ImageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CodeArts Pipeline extension icons: {@code POST /v1/{domain_id}/common/upload-plugin-icon?plugin_name=...}, multipart
 * field {@code upload_file}. The domain id is 32 letters and digits, the plugin name letters, digits, spaces, {@code -},
 * {@code _} and {@code .} of at most 50 characters, the icon a PNG or JPEG by content of at most 512 KB (doc); anything
 * else is 400. It answers 200 with the stored icon's URL as plain text, as the service does
 * ({@code https://devops.sandbox.invalid/devmarket/plugin/new/<name>-<sha256 prefix>-<file name>}; nothing serves it).
 */
final class PipelineIconService implements SandboxService {

    static final Pattern DOMAIN_ID = Pattern.compile("^[A-Za-z0-9]{32}$");
    static final Pattern PLUGIN_NAME = Pattern.compile("^[A-Za-z0-9 ._-]{1,50}$");
    static final long MAX_BYTES = 512L * 1024;
    static final String FIELD = "upload_file";
    static final String BAD_PARAMETER = "DEVPIPE.00011001";
    static final String BAD_ICON = "DEVPIPE.00011002";
    static final String STORE = "https://devops.sandbox.invalid/devmarket/plugin/new/";

    @Override
    public List<Route> routes() {
        return List.of(Route.authenticated("POST", "^/v1/([^/]+)/common/upload-plugin-icon$", this::upload));
    }

    private void upload(SandboxExchange ex) throws IOException {
        String domain = ex.pathGroup(1);
        if (!DOMAIN_ID.matcher(domain).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter domain_id '" + domain + "' is invalid: it must be 32 letters and digits");
            return;
        }
        String name = ex.queryParam("plugin_name");
        if (name == null || !PLUGIN_NAME.matcher(name).matches()) {
            ex.huaweiError(400, BAD_PARAMETER, "The parameter plugin_name " + (name == null ? "is missing" : "'" + name + "' is invalid")
                    + ": only spaces, letters, digits, hyphens (-), underscores (_) and periods (.), at most 50 characters");
            return;
        }
        MultipartStream.Part file = UploadedFile.in(ex, FIELD, BAD_ICON);
        if (file == null) {
            return;
        }
        ImageType type = ImageType.detect(file.head());
        if (type != ImageType.PNG && type != ImageType.JPEG) {
            ex.huaweiError(400, BAD_ICON, "Only PNG, JPEG, and JPG files are supported; the file's content is "
                    + (type == ImageType.UNKNOWN ? "no image" : "a " + type + " image"));
            return;
        }
        if (file.size() > MAX_BYTES) {
            ex.huaweiError(400, BAD_ICON, "The icon exceeds the size limit (512 KB): it is " + file.size() + " bytes");
            return;
        }
        String url = STORE + safe(name) + "-" + file.sha256().substring(0, 32) + "-" + safe(file.fileName());
        ex.note("stored as " + url);
        ex.send(200, "text/plain;charset=UTF-8", url.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Letters, digits, '.', '-' and '_' kept; anything else becomes '-'. */
    private static String safe(String text) {
        return text == null ? "icon" : text.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
