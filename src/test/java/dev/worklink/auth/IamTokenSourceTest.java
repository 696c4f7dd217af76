package dev.worklink.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IAM token request body, written with jackson-core's generator: byte for byte what databind writes. */
class IamTokenSourceTest {

    @Test
    void theRequestBodyIsTheDocumentedShapeWithEveryCharacterEscaped() throws Exception {
        String password = "p\"a\\ss\u00e9\n\u2028</script>";
        IamTokenSource source = new IamTokenSource(URI.create("https://iam.example"), "ci \"user\"", password, null, "cn-north-4",
                Clock.systemUTC());

        // The oracle: databind writing the same tree (LinkedHashMaps keep the documented order).
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", "ci \"user\"");
        user.put("password", password);
        Map<String, Object> domain = new HashMap<>();
        domain.put("name", null);
        user.put("domain", domain);
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("methods", List.of("password"));
        identity.put("password", Map.of("user", user));
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("identity", identity);
        auth.put("scope", Map.of("project", Map.of("name", "cn-north-4")));
        byte[] expected = new ObjectMapper().writeValueAsBytes(Map.of("auth", auth));

        assertThat(new String(source.requestBody(), StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }
}
