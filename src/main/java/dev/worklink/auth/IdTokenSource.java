package dev.worklink.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worklink.http.Json;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceRequest;
import dev.worklink.http.ServiceResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the OIDC ID token (a JWT issued by the CI platform) comes from for IAM identity federation. It is read anew for
 * every exchange, as huaweicloud-sdk-java-v3's {@code AbstractStsAccessor.getContent} re-reads the token file: CI
 * platforms replace short-lived tokens. Nothing here ever puts the token in a message or {@code toString()}.
 */
public sealed interface IdTokenSource {

    /** Where the token comes from, without its value, for messages: "the file /run/token (HUAWEICLOUD_SDK_ID_TOKEN_FILE)". */
    String describe();

    /** Checks, without any network call, that a token can be had: fails naming the setting. */
    void check() throws CredentialsException;

    /** The ID token now. */
    String read(ServiceClient client) throws IOException;

    /**
     * A file holding the token (Kubernetes' projected tokens, a CI step that writes one).
     *
     * @param setting the setting that named the file, for messages ({@code <idTokenFile>}, {@code HUAWEICLOUD_SDK_ID_TOKEN_FILE})
     */
    record File(Path path, String setting) implements IdTokenSource {
        @Override
        public String describe() {
            return "the file " + path + " (" + setting + ")";
        }

        @Override
        public void check() throws CredentialsException {
            try {
                contents();
            } catch (IOException e) {
                throw new CredentialsException(e.getMessage());
            }
        }

        @Override
        public String read(ServiceClient client) throws IOException {
            return contents();
        }

        /** The file's text, trimmed; as the SDK, an empty file is an error. */
        private String contents() throws IOException {
            String text;
            try {
                text = Files.readString(path, StandardCharsets.UTF_8).trim();
            } catch (NoSuchFileException e) {
                throw new IOException("The ID token file " + path + " (" + setting + ") does not exist.");
            } catch (IOException e) {
                throw new IOException("The ID token file " + path + " (" + setting + ") cannot be read: " + e.getMessage());
            }
            if (text.isEmpty()) {
                throw new IOException("The ID token file " + path + " (" + setting + ") is empty; it must hold the JWT issued by the CI platform.");
            }
            return text;
        }
    }

    /** An environment variable holding the token itself (GitLab CI's {@code id_tokens:}). */
    record Env(String variable, String value, String setting) implements IdTokenSource {
        @Override
        public String describe() {
            return "the environment variable " + variable + " (" + setting + ")";
        }

        @Override
        public void check() throws CredentialsException {
            if (value == null || value.isBlank()) {
                throw new CredentialsException("The environment variable " + variable + " named by " + setting
                        + " is not set or empty; it must hold the ID token (GitLab CI: declare it under id_tokens: in the job).");
            }
        }

        @Override
        public String read(ServiceClient client) {
            return value.trim();
        }

        @Override
        public String toString() {
            return "IdTokenSource.Env[" + variable + "]";
        }
    }

    /**
     * GitHub Actions' ID token endpoint, available to a job with {@code permissions: id-token: write}:
     * {@code GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=<audience>} with
     * {@code Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}} answers {@code {"value":"<JWT>"}}.
     *
     * @param audience the identity provider's client id; null for GitHub's default audience
     */
    record GitHubActions(URI requestUrl, String requestToken, String audience) implements IdTokenSource {

        public static final String ENV_REQUEST_URL = "ACTIONS_ID_TOKEN_REQUEST_URL";
        public static final String ENV_REQUEST_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_TOKEN";

        /** The source when both variables are set, else null. */
        static GitHubActions fromEnvironment(Map<String, String> env, String audience) throws CredentialsException {
            String url = env.get(ENV_REQUEST_URL);
            String token = env.get(ENV_REQUEST_TOKEN);
            if (url == null || url.isBlank() || token == null || token.isBlank()) {
                return null;
            }
            URI uri;
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new CredentialsException("The environment variable " + ENV_REQUEST_URL + " is not an http(s) URL: '" + url + "'.");
            }
            return new GitHubActions(uri, token.trim(), audience == null || audience.isBlank() ? null : audience.trim());
        }

        @Override
        public String describe() {
            return "GitHub Actions' ID token endpoint (" + ENV_REQUEST_URL + ", audience "
                    + (audience == null ? "GitHub's default" : "'" + audience + "'") + ")";
        }

        @Override
        public void check() {
            // fromEnvironment checked both variables
        }

        /** The request URL with the audience added to its query (GitHub's URL already has one). */
        URI tokenUrl() {
            if (audience == null) {
                return requestUrl;
            }
            String url = requestUrl.toString();
            return URI.create(url + (requestUrl.getRawQuery() == null ? "?" : "&") + "audience="
                    + URLEncoder.encode(audience, StandardCharsets.UTF_8).replace("+", "%20"));
        }

        @Override
        public String read(ServiceClient client) throws IOException {
            ServiceRequest request = ServiceRequest.get(tokenUrl(), "get an ID token from GitHub Actions");
            RequestAuthenticator bearer = new TokenAuthenticator("Authorization", "Bearer " + requestToken, "the environment variable " + ENV_REQUEST_TOKEN);
            ServiceResponse response = client.execute(request, bearer);
            if (response.dryRun()) {
                return null;
            }
            JsonNode value;
            try {
                value = Json.mapper().readTree(response.body()).path("value");
            } catch (IOException e) {
                value = null;
            }
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new IOException("GitHub Actions' ID token endpoint answered HTTP " + response.status() + " without a \"value\"; "
                        + "does the job have permissions: id-token: write?");
            }
            return value.asText().trim();
        }

        @Override
        public String toString() {
            return "IdTokenSource.GitHubActions[" + requestUrl + ", audience " + audience + "]";
        }
    }
}
