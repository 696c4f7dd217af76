import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

dev.worklink.it.ItSandbox.reset(sandboxPort)

// The project's history: B and C before the tag v1.0; after it A twice and B again.
def who = new PersonIdent('Dev', 'dev@example.com')
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
def commit = { String message -> git.commit().setMessage(message).setAllowEmpty(true).setSign(false).setAuthor(who).setCommitter(who).call() }
commit('Start the uploader #956239067176935402')
def v1 = commit('Old work AR:956239067176935409')
git.tag().setName('v1.0').setObjectId(v1).setAnnotated(true).setMessage('release 1.0').setSigned(false).call()
def a1 = commit('Retry uploads #956239067176935401')
commit('Tidy the build')
def a2 = commit('Upload progress\n\nMore for AR:956239067176935401;956239067176935402')
new File(basedir, 'commits.txt').text = [a1.name().substring(0, 7), a2.name().substring(0, 7)].join('\n')
git.close()
new File(basedir, 'step-summary.md').text = '# Release job\n\n'
return true
