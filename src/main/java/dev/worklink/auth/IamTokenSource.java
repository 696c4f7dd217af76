package dev.worklink.auth;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.worklink.http.BuildScope;
import dev.worklink.http.Json;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Obtains an IAM user token with a password ({@code POST /v3/auth/tokens}) and keeps it for the whole build:
 * every goal and module asking for the same user, domain, region and IAM host shares one token, fetched once.
 * A token the service rejected (401) is fetched again, once, by whichever thread notices first.
 */
public final class IamTokenSource extends CachedCredential {

    /** Tokens live 24 hours. */
    static final Duration LIFETIME = Duration.ofHours(24);



    private final URI iamEndpoint;
    private final String user;
    private final String password;
    private final String domain;
    private final String region;

    IamTokenSource(URI iamEndpoint, String user, String password, String domain, String region, Clock clock) {
        super(clock);
        this.iamEndpoint = iamEndpoint;
        this.user = user;
        this.password = password;
        this.domain = domain;
        this.region = region;
    }

    /** The build's token source for these credentials, created on first use. */
    public static IamTokenSource shared(BuildScope build, URI iamEndpoint, String user, String password, String domain, String region) {
        Object key = BuildScope.key(IamTokenSource.class, iamEndpoint, user, domain, region, AkSkSigner.sha256Hex(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return build.shared(key, IamTokenSource.class, () -> new IamTokenSource(iamEndpoint, user, password, domain, region, Clock.systemUTC()));
    }

    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    public URI iamEndpoint() {
        return iamEndpoint;
    }

    /** A valid token, fetched from IAM if there is none yet or it is about to expire. */
    public String token(ServiceClient client) throws IOException {
        return current(client);
    }

    @Override
    protected Obtained obtain(ServiceClient client) throws IOException {
        URI uri = iamEndpoint.resolve(stripSlash(iamEndpoint.getPath()) + "/v3/auth/tokens?nocatalog=true");
        // Safe to repeat: a second token request only yields another token; nothing the user sees is created.
        ServiceRequest request = ServiceRequest.secretJson("POST", uri, requestBody(), "get an IAM token for user '" + user + "'")
                .with(ServiceRequest.Idempotence.SAFE_TO_REPEAT);
        ServiceResponse response = client.execute(request, RequestAuthenticator.NONE);
        if (response.dryRun()) {
            return null;
        }
        String subjectToken = response.header("X-Subject-Token");
        if (subjectToken == null || subjectToken.isBlank()) {
            throw new IOException("IAM at " + iamEndpoint + " answered HTTP " + response.status()
                    + " without an X-Subject-Token header; is " + iamEndpoint + " an IAM endpoint?");
        }
        return new Obtained(subjectToken, clock.instant().plus(LIFETIME));
    }

    private static String stripSlash(String path) {
        return path == null ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * {@code {"auth":{"identity":{"methods":["password"],"password":{"user":{"name","password","domain":{"name"}}}},
     * "scope":{"project":{"name":region}}}}}, written with jackson-core's generator: the IAM call is on password mode's
     * upload path, where building an {@code ObjectMapper} costs a fresh JVM some tenths of a second (bench/ANALYSIS.md,
     * section 6).
     */
    byte[] requestBody() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.streams().createGenerator(bytes)) {
            g.writeStartObject();
            g.writeObjectFieldStart("auth");
            g.writeObjectFieldStart("identity");
            g.writeArrayFieldStart("methods");
            g.writeString("password");
            g.writeEndArray();
            g.writeObjectFieldStart("password");
            g.writeObjectFieldStart("user");
            g.writeStringField("name", user);
            g.writeStringField("password", password);
            g.writeObjectFieldStart("domain");
            g.writeStringField("name", domain);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("scope");
            g.writeObjectFieldStart("project");
            g.writeStringField("name", region);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not from a byte array
        }
        return bytes.toByteArray();
    }
}
