package dev.worklink.codearts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A plan as the set-thumbnail call returns it.
 *
 * @param type {@code gantt} (Gantt chart) or {@code mind} (mind map)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanInfo(
        String id,
        String name,
        String type,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("img_url") String imgUrl,
        Creator creator) {

    /** Who created the plan. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Creator(
            @JsonProperty("user_id") String userId,
            @JsonProperty("domain_id") String domainId,
            @JsonProperty("nick_name") String nickName,
            @JsonProperty("first_name") String firstName) {}
}
