package dev.worklink.sandbox;

import dev.worklink.files.ImageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SuperOffice's WebAPI image calls and its system user login:
 * <ul>
 * <li>{@code PUT /{tenant}/api/v1/{Project|Contact|Person}/{id}/Image}: the raw image (Content-Type {@code image/png},
 * {@code image/jpeg}, {@code image/gif} or {@code image/tiff}, and bytes of one of those types), stored on disk;
 * 200 with the blob id as a JSON integer; 400 "Image bitmap is missing from body." for an empty body</li>
 * <li>{@code GET /{tenant}/api/v1/{Project|Contact|Person}/{id}/Image}: the stored image, with its Content-Type</li>
 * <li>{@code POST /Login/api/PartnerSystemUser/Authenticate}: see {@link SuperOfficeSystemUsers}</li>
 * </ul>
 * Image calls need {@code Authorization}: {@code Basic} with {@link SuperOfficeSandboxCredentials#USER} and
 * {@link SuperOfficeSandboxCredentials#PASSWORD} (on-site tenants only: a tenant starting with {@code Cust} is Online
 * and refuses it), {@code SOTicket} with {@link SuperOfficeSandboxCredentials#TICKET} or a ticket a system user of that
 * tenant got, or {@code Bearer} with {@link SuperOfficeSandboxCredentials#BEARER_TOKEN}. As the docs demand it and no more:
 * SOTicket on an Online tenant also needs {@code SO-AppToken: }{@link SuperOfficeSandboxCredentials#APP_TOKEN}; Bearer needs
 * only its Authorization header; an on-site installation needs no app token at all. An app token sent to an Online tenant
 * must be the right one; on-site it is ignored. Refusals are 401. Errors are SuperOffice-style
 * {@code {"Error": "...", "ErrorType": "..."}}.
 */
final class SuperOfficeService implements SandboxService, AutoCloseable {

    static final String MISSING_BITMAP = "Image bitmap is missing from body.";
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/tiff");
    private static final String IMAGE_PATH = "^/([A-Za-z0-9_.~-]+)/api/v1/([A-Za-z]+)/([^/]+)/Image$";
    private static final List<String> ENTITIES = List.of("Project", "Contact", "Person");

    private final SuperOfficeSystemUsers systemUsers;
    private final SuperOfficeImageStore images = new SuperOfficeImageStore();

    SuperOfficeService(Clock clock) {
        this.systemUsers = new SuperOfficeSystemUsers(clock);
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.open("PUT", IMAGE_PATH, this::putImage),
                Route.open("GET", IMAGE_PATH, this::getImage),
                Route.open("POST", "^" + SuperOfficeSandboxCredentials.LOGIN_PATH + "$", systemUsers::authenticate));
    }

    /** Forgets stored images and registered public keys; issued tickets stay valid. */
    @Override
    public void reset() {
        images.clear();
        systemUsers.reset();
    }

    @Override
    public void close() {
        images.close();
    }

    void registerPublicKey(PublicKey key) {
        systemUsers.registerPublicKey(key);
    }

    private void putImage(SandboxExchange ex) throws IOException {
        if (!authenticated(ex)) {
            return;
        }
        String owner = owner(ex);
        if (owner == null) {
            return;
        }
        String type = mediaType(ex.header("Content-Type"));
        if (!IMAGE_TYPES.contains(type)) {
            error(ex, 415, "UnsupportedMediaType", "The Content-Type '" + ex.header("Content-Type")
                    + "' is not supported: send image/png, image/jpeg, image/gif or image/tiff");
            return;
        }
        if (ex.bodySize() == 0) {
            error(ex, 400, "BadRequest", MISSING_BITMAP);
            return;
        }
        ImageType content = ImageType.detect(ex.head());
        if (!IMAGE_TYPES.contains(content.mimeType())) {
            error(ex, 400, "BadRequest", "Image bitmap is not a GIF, TIFF, PNG or JPEG image"
                    + (content == ImageType.UNKNOWN ? "." : " (it is " + content + ")."));
            return;
        }
        Path spooled = ex.takeSpooledBody();
        if (spooled == null) {
            throw new IllegalStateException("an image body was not spooled");
        }
        SuperOfficeImageStore.Blob blob = images.put(owner, spooled, type, ex.bodySize(), ex.bodySha256());
        ex.note("stored as blob " + blob.id() + (content.mimeType().equals(type) ? "" : "; its bytes are " + content + ", not " + type));
        ex.send(200, "application/json; charset=utf-8", String.valueOf(blob.id()).getBytes(StandardCharsets.US_ASCII), Map.of());
    }

    private void getImage(SandboxExchange ex) throws IOException {
        if (!authenticated(ex)) {
            return;
        }
        String owner = owner(ex);
        if (owner == null) {
            return;
        }
        SuperOfficeImageStore.Blob blob = images.get(owner);
        if (blob == null) {
            error(ex, 404, "NotFound", ex.pathGroup(2) + " " + ex.pathGroup(3) + " has no image");
            return;
        }
        ex.note("blob " + blob.id() + ", " + blob.size() + " bytes");
        ex.sendFile(200, blob.contentType(), blob.file());
    }

    /** {@code tenant/Entity/id} of the path, or null after answering 404 or 400. */
    private static String owner(SandboxExchange ex) throws IOException {
        String entity = ENTITIES.stream().filter(e -> e.equalsIgnoreCase(ex.pathGroup(2))).findFirst().orElse(null);
        if (entity == null) {
            error(ex, 404, "NotFound", "No such entity '" + ex.pathGroup(2) + "'; images are on Project, Contact and Person");
            return null;
        }
        String id = ex.pathGroup(3);
        int value;
        try {
            value = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value <= 0) {
            error(ex, 400, "BadRequest", "The " + entity.toLowerCase(Locale.ROOT) + " id '" + id + "' is not a positive int32");
            return null;
        }
        return ex.pathGroup(1) + "/" + entity + "/" + value;
    }

    /** Checks the Authorization (and SO-AppToken) of an image call; false after answering 401. */
    private boolean authenticated(SandboxExchange ex) throws IOException {
        String tenant = ex.pathGroup(1);
        boolean online = tenant.startsWith(SuperOfficeSandboxCredentials.ONLINE_TENANT_PREFIX);
        String authorization = ex.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            return refuse(ex, "The request has no Authorization header (Basic, SOTicket or Bearer)");
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credential = space < 0 ? "" : authorization.substring(space + 1).trim();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic": {
                if (online) {
                    return refuse(ex, "Basic authentication is not accepted by SuperOffice Online (tenant " + tenant + ")");
                }
                String pair;
                try {
                    pair = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return refuse(ex, "The Basic credentials are not base64");
                }
                if (!same(pair, SuperOfficeSandboxCredentials.USER + ":" + SuperOfficeSandboxCredentials.PASSWORD)) {
                    int colon = pair.indexOf(':');
                    return refuse(ex, "Unknown user name or wrong password for user '" + (colon < 0 ? pair : pair.substring(0, colon)) + "'");
                }
                ex.authenticatedAs("basic:" + SuperOfficeSandboxCredentials.USER);
                return true;
            }
            case "soticket": {
                if (online && !appToken(ex, true)) {
                    return false;
                }
                if (same(credential, SuperOfficeSandboxCredentials.TICKET)) {
                    ex.authenticatedAs("soticket:ready");
                    return true;
                }
                String ticketTenant = systemUsers.tenantOf(credential);
                if (ticketTenant == null) {
                    return refuse(ex, "The ticket is not valid (unknown or expired)");
                }
                if (!ticketTenant.equals(tenant)) {
                    return refuse(ex, "The ticket was issued for " + ticketTenant + ", not " + tenant);
                }
                ex.authenticatedAs("soticket:systemuser:" + ticketTenant);
                return true;
            }
            case "bearer": {
                if (online && !appToken(ex, false)) {
                    return false;
                }
                if (!same(credential, SuperOfficeSandboxCredentials.BEARER_TOKEN)) {
                    return refuse(ex, "The access token is not valid");
                }
                ex.authenticatedAs("bearer:ready");
                return true;
            }
            default:
                return refuse(ex, "The Authorization scheme '" + scheme + "' is not supported; use Basic, SOTicket or Bearer");
        }
    }

    /** On an Online tenant: the SO-AppToken, when {@code required} or given, must be the sandbox's; false after answering 401. */
    private static boolean appToken(SandboxExchange ex, boolean required) throws IOException {
        String given = ex.header("SO-AppToken");
        if (given == null) {
            return !required || refuse(ex, "SOTicket calls to SuperOffice Online need the SO-AppToken header");
        }
        if (!same(given, SuperOfficeSandboxCredentials.APP_TOKEN)) {
            return refuse(ex, "The SO-AppToken is not the application token this sandbox knows");
        }
        return true;
    }

    private static boolean refuse(SandboxExchange ex, String why) throws IOException {
        error(ex, 401, "Unauthorized", why);
        return false;
    }

    private static void error(SandboxExchange ex, int status, String type, String message) throws IOException {
        ex.note(message);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Error", message);
        body.put("ErrorType", type);
        ex.json(status, body);
    }

    /** The media type of a Content-Type, lower-case, without parameters. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
