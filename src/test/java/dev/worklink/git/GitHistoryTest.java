package dev.worklink.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {

    private static final List<String> HASH = List.of("#");

    @TempDir
    Path dir;

    private Git git;

    private RevCommit commit(String message) throws Exception {
        return git.commit().setMessage(message).setAllowEmpty(true).setSign(false)
                .setAuthor(new PersonIdent("Dev", "dev@example.com")).setCommitter(new PersonIdent("Dev", "dev@example.com")).call();
    }

    private Git init() throws Exception {
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        return git;
    }

    @Test
    void theDefaultRangeStartsAfterTheMostRecentTagBeforeHead() throws Exception {
        init();
        commit("Start #111");
        RevCommit v1 = commit("Release 1.0 #222");
        git.tag().setName("v1.0").setObjectId(v1).setAnnotated(true).setMessage("1.0").setSigned(false).call();
        RevCommit a = commit("Fix #333");
        RevCommit b = commit("Fix #444");

        GitHistory.Range range = GitHistory.read(dir, null);

        assertThat(range.commits()).extracting(Commit::id).containsExactly(b.name(), a.name());
        assertThat(range.description()).isEqualTo("v1.0 (" + v1.name().substring(0, 7) + ")..HEAD (" + b.name().substring(0, 7) + ")");
        assertThat(range.head()).isEqualTo(b.name());
    }

    @Test
    void aTagOnHeadItselfIsPassedOverAsDuringReleasePerform() throws Exception {
        init();
        RevCommit v1 = commit("1.0");
        git.tag().setName("v1.0").setObjectId(v1).setAnnotated(false).call();
        RevCommit fix = commit("Fix #333");
        RevCommit release = commit("[maven-release-plugin] prepare release v1.1");
        git.tag().setName("v1.1").setObjectId(release).setAnnotated(true).setMessage("1.1").setSigned(false).call();

        GitHistory.Range range = GitHistory.read(dir, "");

        assertThat(range.commits()).extracting(Commit::id).containsExactly(release.name(), fix.name());
    }

    @Test
    void withoutAnyTagEveryCommitIsRead() throws Exception {
        init();
        RevCommit first = commit("one");
        RevCommit second = commit("two");

        GitHistory.Range range = GitHistory.read(dir.resolve("sub/dir/below"), null);

        assertThat(range.commits()).extracting(Commit::id).containsExactly(second.name(), first.name());
        assertThat(range.description()).startsWith("every commit up to HEAD");
    }

    @Test
    void anExplicitRangeIsReadAsGitLogWould() throws Exception {
        init();
        RevCommit one = commit("one");
        git.tag().setName("one").setObjectId(one).call();
        RevCommit two = commit("two");
        RevCommit three = commit("three");
        commit("four");

        GitHistory.Range range = GitHistory.read(dir, "one.." + three.name());

        assertThat(range.commits()).extracting(Commit::id).containsExactly(three.name(), two.name());
    }

    @Test
    void aRangeNamingAnUnknownRevisionFailsNamingIt() throws Exception {
        init();
        commit("one");

        assertThatThrownBy(() -> GitHistory.read(dir, "v0.9..HEAD"))
                .isInstanceOf(GitHistoryException.class)
                .hasMessageContaining("'v0.9' of the range 'v0.9..HEAD' names no commit")
                .hasMessageContaining("fetch-depth: 0");
    }

    @Test
    void aRangeOfAnotherFormIsRefused() throws Exception {
        init();
        commit("one");

        assertThatThrownBy(() -> GitHistory.read(dir, "v1.0...HEAD"))
                .hasMessage("'v1.0...HEAD' is not a range of the form <rev>..<rev>, e.g. v1.0..HEAD");
    }

    @Test
    void aShallowCloneFailsNamingTheFix() throws Exception {
        init();
        commit("one");
        RevCommit head = commit("two #5");
        Files.writeString(dir.resolve(".git/shallow"), head.name() + "\n");

        assertThatThrownBy(() -> GitHistory.read(dir, null))
                .isInstanceOf(GitHistoryException.class)
                .hasMessageContaining("is a shallow clone")
                .hasMessageContaining("'fetch-depth: 0'")
                .hasMessageContaining("git fetch --unshallow");
    }

    @Test
    void aCommitWhoseParentIsMissingFailsInsteadOfEndingTheRange() throws Exception {
        init();
        RevCommit base = commit("base");
        ObjectId missingParent = ObjectId.fromString("0123456789abcdef0123456789abcdef01234567");
        ObjectId orphan;
        try (ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(base.getTree());
            cb.setParentId(missingParent);
            cb.setAuthor(new PersonIdent("Dev", "dev@example.com"));
            cb.setCommitter(new PersonIdent("Dev", "dev@example.com"));
            cb.setMessage("fix #7");
            orphan = inserter.insert(cb);
            inserter.flush();
        }
        RefUpdate update = git.getRepository().updateRef(Constants.HEAD);
        update.setNewObjectId(orphan);
        update.forceUpdate();

        assertThatThrownBy(() -> GitHistory.read(dir, null))
                .isInstanceOf(GitHistoryException.class)
                .hasMessageContaining("lacks commit 0123456789abcdef0123456789abcdef01234567")
                .hasMessageContaining("git fetch --unshallow");
    }

    @Test
    void aDirectoryOutsideAnyRepositoryFailsSayingSo() {
        assertThatThrownBy(() -> GitHistory.read(dir, null))
                .isInstanceOf(GitHistoryException.class)
                .hasMessageStartingWith("There is no git repository at or above " + dir);
    }

    @Test
    void theWorkItemsOfTheDefaultRangeCarryTheCommitsThatNamedThem() throws Exception {
        init();
        commit("Old work #956239067176935400");
        RevCommit v1 = commit("1.0");
        git.tag().setName("v1.0").setObjectId(v1).call();
        RevCommit a = commit("Upload fix #956239067176935401");
        RevCommit b = commit("Docs");
        RevCommit c = commit("More on the upload #956239067176935401\n\nAlso #956239067176935400");

        List<CommitWorkItems.Found> found = CommitWorkItems.find(GitHistory.read(dir, null), CommitIdRule.prefixes(HASH, null, null));

        assertThat(found).containsExactly(
                new CommitWorkItems.Found("956239067176935401", List.of(a.name().substring(0, 7), c.name().substring(0, 7))),
                new CommitWorkItems.Found("956239067176935400", List.of(c.name().substring(0, 7))));
        assertThat(b).isNotNull();
    }
}
