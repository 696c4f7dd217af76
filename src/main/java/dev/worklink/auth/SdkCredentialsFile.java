package dev.worklink.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Huawei Cloud SDKs' credentials file, read as huaweicloud-sdk-java-v3's {@code core/.../auth/ProfileCredentialProvider.java}
 * reads it: {@code HUAWEICLOUD_SDK_CREDENTIALS_FILE}, else {@code ~/.huaweicloud/credentials}; sections {@code [name]},
 * lines {@code key = value}; the section {@code [basic]} holds {@code ak}, {@code sk}, {@code security_token},
 * {@code project_id}, {@code iam_endpoint}, {@code idp_id}, {@code id_token_file}. Other lines (comments) are ignored.
 *
 * @param values the keys of {@code [basic]} to their values
 */
public record SdkCredentialsFile(Path path, Map<String, String> values) {

    public static final String ENV_CREDENTIALS_FILE = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
    public static final String SECTION = "basic";

    /** The SDK's patterns, {@code ProfileCredentialProvider.SECTION_PATTERN} and {@code KEY_VALUE_PATTERN}, spaces allowed around {@code =}. */
    private static final Pattern SECTION_LINE = Pattern.compile("^\\s*\\[([a-z]+)\\]\\s*$");
    private static final Pattern KEY_VALUE_LINE = Pattern.compile("^\\s*([^\\s=]+)\\s*=\\s*(\\S+)\\s*$");

    public SdkCredentialsFile {
        values = Map.copyOf(values);
    }

    /** Where the file is: {@code HUAWEICLOUD_SDK_CREDENTIALS_FILE}, else {@code <home>/.huaweicloud/credentials}; null without either. */
    public static Path location(Map<String, String> env, Path home) {
        String configured = env.get(ENV_CREDENTIALS_FILE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured.trim());
        }
        return home == null ? null : home.resolve(".huaweicloud").resolve("credentials");
    }

    /** Reads the {@code [basic]} section. */
    public static SdkCredentialsFile read(Path path) throws CredentialsException {
        Map<String, String> basic = new LinkedHashMap<>();
        String section = "";
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                Matcher s = SECTION_LINE.matcher(line);
                Matcher kv = KEY_VALUE_LINE.matcher(line);
                if (s.matches()) {
                    section = s.group(1);
                } else if (kv.matches() && SECTION.equals(section)) {
                    basic.put(kv.group(1), kv.group(2));
                }
            }
        } catch (IOException e) {
            throw new CredentialsException("The Huawei Cloud SDK credentials file " + path + " cannot be read: " + e.getMessage());
        }
        return new SdkCredentialsFile(path, basic);
    }

    public String get(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Never a value. */
    @Override
    public String toString() {
        return "SdkCredentialsFile[" + path + ", keys " + values.keySet() + "]";
    }
}
