package dev.worklink.sandbox;

import java.util.Locale;

/**
 * How the sandbox words an IPD attachment list entry. The sources disagree, so the sandbox can answer either way and
 * the tests run both:
 * <ul>
 * <li>{@link #DOC}: the doc page's {@code {id, issue_id, file_size (number), file_name, create_time}}</li>
 * <li>{@link #SDK}: the official SDKs' {@code AttachmentEntity} (huaweicloud-sdk-java-v3
 * {@code services/projectman/.../v4/model/AttachmentEntity.java}): {@code {id, issue_id, disk_directory, file_size
 * (string), store_filename (the stored name, not the original), title (the original name), modified_by, created_by
 * ({@code UserEntity}: id, name, nick_name), attachment_type, created_date}}, without {@code file_name}</li>
 * </ul>
 */
public enum ListShape {
    DOC, SDK;

    /** {@code doc} or {@code sdk}, in any case. */
    public static ListShape of(String text) {
        if (text != null) {
            for (ListShape s : values()) {
                if (s.name().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("the list shape is 'doc' or 'sdk', not '" + text + "'");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
