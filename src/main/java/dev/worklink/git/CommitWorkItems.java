package dev.worklink.git;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The work item ids a range of commits names, each with the commits that named it: what {@code workItemsFromCommits}
 * adds to the ids typed into the POM. Ids are listed in the order the history first names them (oldest commit
 * first), each once.
 */
public final class CommitWorkItems {

    /**
     * One id and where it came from.
     *
     * @param commits the abbreviated hashes of the commits that name it, oldest first, each once
     */
    public record Found(String id, List<String> commits) {
        public Found {
            commits = List.copyOf(commits);
        }
    }

    private CommitWorkItems() {}

    /** Reads the range and finds the ids its commits name. */
    public static List<Found> find(GitHistory.Range range, CommitIdRule rule) {
        return find(range.commits(), rule);
    }

    /**
     * @param commits as {@link GitHistory} reads them, newest first
     */
    public static List<Found> find(List<Commit> commits, CommitIdRule rule) {
        Map<String, List<String>> byId = new LinkedHashMap<>();
        for (int i = commits.size() - 1; i >= 0; i--) {
            Commit commit = commits.get(i);
            for (String id : rule.idsIn(commit.message())) {
                List<String> named = byId.computeIfAbsent(id, k -> new ArrayList<>());
                if (!named.contains(commit.shortId())) {
                    named.add(commit.shortId());
                }
            }
        }
        List<Found> found = new ArrayList<>();
        byId.forEach((id, named) -> found.add(new Found(id, named)));
        return found;
    }
}
