package dev.worklink.codearts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.files.ImageType;
import dev.worklink.http.Log;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.RequestBody;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import dev.worklink.http.Sizes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An extension's icon in the CodeArts Pipeline extension marketplace:
 * {@code POST /v1/{domain_id}/common/upload-plugin-icon?plugin_name=...}, multipart field {@code upload_file}; a PNG or
 * JPEG of at most 512 KB, 128 × 128 pixels recommended (doc). The 200 answer is {@code true}, {@code false} or the
 * stored icon's URL, as plain text: {@code false} is a failure.
 */
public final class ExtensionIcon {

    /** Multipart field of the upload (doc). */
    public static final String FIELD = "upload_file";

    /** Largest icon (doc: "Max. file size: 512 KB"). */
    public static final long MAX_BYTES = 512L * 1024;

    /** Width and height the marketplace recommends (doc); another size is uploaded, with a warning. */
    public static final int RECOMMENDED_PIXELS = 128;

    /** The types an icon may have, by content (doc: "Only PNG, JPEG, and JPG files are supported"). */
    public static final Set<ImageType> TYPES = Set.copyOf(EnumSet.of(ImageType.PNG, ImageType.JPEG));

    /** The tenant (domain) id: 32 letters and digits (doc). */
    public static final Pattern DOMAIN_ID = Pattern.compile("^[A-Za-z0-9]{32}$");

    /** Extension names: spaces, letters, digits, {@code -}, {@code _} and {@code .}; at most 50 characters (doc). */
    public static final Pattern PLUGIN_NAME = Pattern.compile("^[A-Za-z0-9 ._-]{1,50}$");

    public static final int PLUGIN_NAME_MAX = 50;

    private final ServiceClient client;
    private final RequestAuthenticator auth;
    private final URI endpoint;
    private final Log log;

    /** @param endpoint the CodeArts Pipeline base URL, e.g. {@code https://cloudpipeline-ext.cn-north-4.myhuaweicloud.com} */
    public ExtensionIcon(ServiceClient client, RequestAuthenticator auth, URI endpoint, Log log) {
        this.client = client;
        this.auth = auth;
        this.endpoint = endpoint;
        this.log = log;
    }

    /**
     * What an icon file is, from its first bytes and its header alone.
     *
     * @param dimensions empty when the header could not be read
     */
    public record Inspection(Path file, ImageType type, long size, Optional<ImageType.Dimensions> dimensions) {

        /** The rules the icon breaks (type by content, size), each in words; empty when it may be uploaded. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (!TYPES.contains(type)) {
                problems.add("must be a PNG or JPEG image by its content (the file name does not count), but "
                        + (type == ImageType.UNKNOWN ? "its first bytes are those of no image type" : "it is a " + type + " image"));
            }
            if (size > MAX_BYTES) {
                problems.add(file.getFileName() + " is " + size + " bytes (" + Sizes.human(size) + "), over the limit of " + MAX_BYTES
                        + " bytes (512 KB) for extension icons");
            }
            return problems;
        }

        /** A size other than the recommended 128 × 128, or one that could not be read; null when all is well. */
        public String warning() {
            if (!TYPES.contains(type)) {
                return null;
            }
            if (dimensions.isEmpty()) {
                return "Could not read the width and height of " + file.getFileName() + " from its " + type + " header; CodeArts recommends "
                        + RECOMMENDED_PIXELS + " × " + RECOMMENDED_PIXELS + " pixels for extension icons.";
            }
            ImageType.Dimensions d = dimensions.get();
            if (d.width() != RECOMMENDED_PIXELS || d.height() != RECOMMENDED_PIXELS) {
                return file.getFileName() + " is " + d + " pixels; CodeArts recommends " + RECOMMENDED_PIXELS + " × " + RECOMMENDED_PIXELS
                        + " for extension icons. It is uploaded as it is.";
            }
            return null;
        }
    }

    public static Inspection inspect(Path icon) throws IOException {
        ImageType type = ImageType.detect(icon);
        Optional<ImageType.Dimensions> dimensions = TYPES.contains(type) ? ImageType.dimensions(icon) : Optional.empty();
        return new Inspection(icon, type, Files.size(icon), dimensions);
    }

    /** The reason a plugin name breaks the documented rule, or null when it keeps it. */
    public static String pluginNameProblem(String name) {
        if (name.length() > PLUGIN_NAME_MAX) {
            return "is " + name.length() + " characters long, over the limit of " + PLUGIN_NAME_MAX
                    + " (doc: letters, digits, spaces, '-', '_' and '.'; at most 50 characters)";
        }
        if (!PLUGIN_NAME.matcher(name).matches()) {
            String bad = name.codePoints().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || " ._-".indexOf(c) >= 0)))
                    .limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return "may hold only letters, digits, spaces, '-', '_' and '.' (doc), but holds '" + bad + "'";
        }
        return null;
    }

    /** Uploads the icon, sent as its detected type. Never throws for a failed call: the outcome says what failed. */
    public IconOutcome upload(String domainId, String pluginName, Inspection icon) {
        Path file = icon.file();
        String name = file.getFileName().toString();
        Integer width = icon.dimensions().map(ImageType.Dimensions::width).orElse(null);
        Integer height = icon.dimensions().map(ImageType.Dimensions::height).orElse(null);
        String label = "upload the icon " + name + " of extension '" + pluginName + "'";
        // Safe to repeat although a POST: it replaces the extension's one icon (doc: "Updating the Extension Icon"),
        // so two copies leave the same icon as one.
        ServiceRequest request = new ServiceRequest("POST", uri(domainId, pluginName), Map.of("Accept", "application/json, text/plain, */*"),
                new RequestBody.MultipartFile(FIELD, file, name, icon.type().mimeType()), label, ServiceRequest.Idempotence.SAFE_TO_REPEAT);
        try {
            ServiceResponse response = client.execute(request, auth);
            if (response.dryRun()) {
                return outcome(domainId, pluginName, icon, width, height, IconOutcome.DRY_RUN, null, null, null);
            }
            String url = storedUrl(label, response);
            log.info("Uploaded the icon " + name + " (" + icon.type().mimeType() + ", " + Sizes.human(icon.size())
                    + (icon.dimensions().isPresent() ? ", " + icon.dimensions().get() + " pixels" : "") + ") of extension '" + pluginName + "'"
                    + (url != null ? ": " + url : ""));
            return outcome(domainId, pluginName, icon, width, height, IconOutcome.UPLOADED, url, null, null);
        } catch (IOException e) {
            return outcome(domainId, pluginName, icon, width, height, IconOutcome.FAILED, null, e.getMessage(),
                    e instanceof ServiceException se ? se.status() : null);
        }
    }

    /** {@code {endpoint}/v1/{domain_id}/common/upload-plugin-icon?plugin_name=...}, the name percent-encoded as RFC 3986 says. */
    public URI uri(String domainId, String pluginName) {
        return Endpoints.resolve(endpoint, "/v1/" + domainId + "/common/upload-plugin-icon?plugin_name=" + encode(pluginName));
    }

    /**
     * The stored icon's URL from a 200 answer: plain text, maybe JSON-quoted; null when the answer is just {@code true}.
     *
     * @throws ServiceException when the answer is {@code false} or an error document
     */
    static String storedUrl(String label, ServiceResponse response) throws ServiceException {
        String text = response.body() == null ? "" : response.body().strip();
        if (text.startsWith("\"") || text.startsWith("{")) {
            try {
                JsonNode node = ReqResponses.json().readTree(text);
                if (node.isTextual()) {
                    text = node.asText().strip();
                } else if (node.isObject() && (node.hasNonNull("error_code") || node.hasNonNull("error_msg")
                        || "error".equalsIgnoreCase(node.path("status").asText()))) {
                    String[] words = ServiceClient.errorWords(text);
                    throw new ServiceException(label, response.status(), words[0], words[1], response.requestId());
                }
            } catch (ServiceException e) {
                throw e;
            } catch (IOException notJson) {
                // plain text after all
            }
        }
        if (text.equalsIgnoreCase("false")) {
            throw new ServiceException(label, response.status(), null, "the service answered false: the icon was not stored",
                    response.requestId());
        }
        if (text.isEmpty() || text.equalsIgnoreCase("true") || text.startsWith("{")) {
            return null;
        }
        return text;
    }

    /** Percent-encodes every byte but RFC 3986's unreserved characters: a space is {@code %20}, never {@code +}. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static IconOutcome outcome(String domainId, String pluginName, Inspection icon, Integer width, Integer height, String status,
            String url, String reason, Integer httpStatus) {
        return new IconOutcome(domainId, pluginName, icon.file().getFileName().toString(), icon.file().toString(), icon.size(),
                icon.type().mimeType(), width, height, status, url, reason, httpStatus);
    }
}
