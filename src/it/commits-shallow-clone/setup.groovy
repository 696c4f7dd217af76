import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent
import static dev.worklink.it.ItSandbox.check

dev.worklink.it.ItSandbox.reset(sandboxPort)

// The remote's history: a tag and two commits naming work items after it.
def origin = new File(basedir, 'target/origin')
def who = new PersonIdent('Dev', 'dev@example.com')
def git = Git.init().setDirectory(origin).setInitialBranch('main').call()
def commit = { String message -> git.commit().setMessage(message).setAllowEmpty(true).setSign(false).setAuthor(who).setCommitter(who).call() }
def v1 = commit('1.0')
git.tag().setName('v1.0').setObjectId(v1).call()
commit('Fix #1001')
commit('Fix #1002')
git.close()

// What actions/checkout does by default: a fetch of depth 1, with the git binary, as CI runs it.
def run = { List<String> cmd ->
    def p = new ProcessBuilder(cmd).directory(basedir).redirectErrorStream(true).start()
    def out = p.inputStream.text
    check(p.waitFor() == 0, "${cmd.join(' ')} failed: ${out}")
}
run(['git', 'init', '-q'])
run(['git', 'fetch', '-q', '--depth', '1', origin.toURI().toString().replace('file:/', 'file:///'), '+refs/heads/main:refs/remotes/origin/main'])
run(['git', 'update-ref', 'HEAD', 'refs/remotes/origin/main'])
check(new File(basedir, '.git/shallow').isFile(), 'the clone is shallow')
return true
