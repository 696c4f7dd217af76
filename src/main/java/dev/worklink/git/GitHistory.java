package dev.worklink.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Reads the commits of a release from a git repository with JGit, so that a CI image without a {@code git} binary
 * works too. The default range is "since the previous release": the commits after the most recent tag that is not on
 * HEAD itself, up to HEAD (during {@code release:perform} HEAD is the release's own tag, so that tag is passed over).
 * A shallow clone never yields a silently shorter range: it fails, naming the fix.
 */
public final class GitHistory {

    /** What to do about a clone that lacks history; CI checkouts are shallow by default. */
    public static final String UNSHALLOW_HINT = "Fetch the whole history: in GitHub Actions set 'fetch-depth: 0' on actions/checkout "
            + "(GitLab CI: GIT_DEPTH: 0), or run 'git fetch --unshallow --tags' before the build. In release:perform, whose checkout "
            + "maven-release-plugin 3.x clones with depth 1 by default, set <scmShallowClone>false</scmShallowClone> on the release plugin.";

    /**
     * The commits read, newest first.
     *
     * @param description the range in words, e.g. {@code "v1.0 (3f2a1bc)..HEAD (9e8d7c6)"}
     * @param head        the full hash HEAD pointed to
     */
    public record Range(String description, String head, List<Commit> commits) {
        public Range {
            commits = List.copyOf(commits);
        }
    }

    private GitHistory() {}

    /**
     * Where the repository is and what HEAD is now: one state of the history, to read it once per build.
     *
     * @param gitDir the repository's git directory
     * @param commit the full hash HEAD points to
     */
    public record Head(Path gitDir, String commit) {}

    /** The repository at or above {@code dir} and its HEAD. */
    public static Head head(Path dir) throws GitHistoryException {
        try (Repository repo = open(dir)) {
            ObjectId head = repo.resolve(Constants.HEAD);
            if (head == null) {
                throw new GitHistoryException("The git repository " + repo.getDirectory() + " has no commit yet.");
            }
            return new Head(repo.getDirectory().toPath().toAbsolutePath().normalize(), head.name());
        } catch (IOException e) {
            throw new GitHistoryException("Could not read the git repository at or above " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the commits of {@code range} in the repository at or above {@code dir}.
     *
     * @param range {@code <rev>..<rev>} (either side may be a tag, a branch or a hash), or null/blank for the default
     */
    public static Range read(Path dir, String range) throws GitHistoryException {
        try (Repository repo = open(dir); RevWalk walk = new RevWalk(repo)) {
            if (!repo.getObjectDatabase().getShallowCommits().isEmpty() || new File(repo.getDirectory(), "shallow").isFile()) {
                throw new GitHistoryException("The git repository " + repo.getDirectory() + " is a shallow clone: it lacks the older commits "
                        + "and tags, so the work items named since the previous release cannot be found. " + UNSHALLOW_HINT);
            }
            ObjectId headId = repo.resolve(Constants.HEAD);
            if (headId == null) {
                throw new GitHistoryException("The git repository " + repo.getDirectory() + " has no commit yet.");
            }
            RevCommit from;
            RevCommit to;
            String description;
            if (range == null || range.isBlank()) {
                to = walk.parseCommit(headId);
                Map<ObjectId, TreeSet<String>> tags = tagsByCommit(repo, walk);
                from = previousTagged(walk, to, tags);
                walk.reset();
                description = from == null
                        ? "every commit up to HEAD (" + abbrev(to) + "): no tag before HEAD"
                        : tags.get(from).first() + " (" + abbrev(from) + ")..HEAD (" + abbrev(to) + ")";
            } else {
                String[] ends = range.trim().split("\\.\\.", -1);
                if (ends.length != 2 || ends[1].startsWith(".") || ends[0].isBlank() || ends[1].isBlank()) {
                    throw new GitHistoryException("'" + range + "' is not a range of the form <rev>..<rev>, e.g. v1.0..HEAD");
                }
                from = walk.parseCommit(resolve(repo, ends[0].trim(), range));
                to = walk.parseCommit(resolve(repo, ends[1].trim(), range));
                description = ends[0].trim() + " (" + abbrev(from) + ").." + ends[1].trim() + " (" + abbrev(to) + ")";
            }
            walk.markStart(to);
            if (from != null) {
                walk.markUninteresting(from);
            }
            List<Commit> commits = new ArrayList<>();
            for (RevCommit c = walk.next(); c != null; c = walk.next()) {
                commits.add(new Commit(c.name(), c.getFullMessage()));
            }
            return new Range(description, headId.name(), commits);
        } catch (MissingObjectException e) {
            throw new GitHistoryException("The git repository lacks commit " + e.getObjectId().name() + ", which the range "
                    + (range == null || range.isBlank() ? "since the previous tag" : "'" + range + "'") + " reaches: the clone is incomplete "
                    + "(shallow or partial). " + UNSHALLOW_HINT, e);
        } catch (IOException e) {
            throw new GitHistoryException("Could not read the git history at or above " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Repository open(Path dir) throws GitHistoryException, IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new GitHistoryException("There is no git repository at or above " + dir + ": the work items are read from the commit "
                    + "messages of the build's git checkout.");
        }
        return builder.setMustExist(true).build();
    }

    private static ObjectId resolve(Repository repo, String rev, String range) throws GitHistoryException, IOException {
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            id = null;
        }
        if (id == null) {
            throw new GitHistoryException("'" + rev + "' of the range '" + range + "' names no commit of " + repo.getDirectory()
                    + ". If it is a tag or a commit of the remote, the clone may lack it. " + UNSHALLOW_HINT);
        }
        return id;
    }

    /** Every tag, peeled to the commit it marks (annotated and lightweight alike); other tags are passed over. */
    private static Map<ObjectId, TreeSet<String>> tagsByCommit(Repository repo, RevWalk walk) throws IOException {
        Map<ObjectId, TreeSet<String>> byCommit = new HashMap<>();
        for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            if (ref.getObjectId() == null) {
                continue;
            }
            RevObject target;
            try {
                target = walk.peel(walk.parseAny(ref.getObjectId()));
            } catch (MissingObjectException e) {
                continue;
            }
            if (target instanceof RevCommit commit) {
                byCommit.computeIfAbsent(commit.copy(), k -> new TreeSet<>()).add(Repository.shortenRefName(ref.getName()));
            }
        }
        return byCommit;
    }

    /** The newest commit before HEAD (HEAD itself passed over) that a tag marks, or null when none does. */
    private static RevCommit previousTagged(RevWalk walk, RevCommit head, Map<ObjectId, TreeSet<String>> tags) throws IOException {
        if (tags.isEmpty()) {
            return null;
        }
        walk.reset();
        walk.markStart(head);
        for (RevCommit c = walk.next(); c != null; c = walk.next()) {
            if (!c.equals(head) && tags.containsKey(c)) {
                return c;
            }
        }
        return null;
    }

    private static String abbrev(RevCommit c) {
        return c.name().substring(0, 7);
    }
}
