import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent
import org.eclipse.jgit.transport.RefSpec
import static dev.worklink.it.ItSandbox.check

dev.worklink.it.ItSandbox.reset(sandboxPort)

def pom = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
def remoteUrl = pom.scm.developerConnection.text() - 'scm:git:'
def remote = new File(new URI(remoteUrl))
remote.deleteDir()
new File(new URI(pom.distributionManagement.repository.url.text())).deleteDir()

// The forked builds' settings: the repository the ITs resolve from, and IAM password credentials at the sandbox.
def sandbox = "http://127.0.0.1:${sandboxPort}"
def settings = new File(basedir, 'release-settings.xml')
settings.text = """<settings>
  <profiles><profile><id>it-repo</id><activation><activeByDefault>true</activeByDefault></activation>
    <repositories><repository><id>local.central</id><url>${pom.properties.'it.repository.url'.text()}</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>local.central</id><url>${pom.properties.'it.repository.url'.text()}</url></pluginRepository></pluginRepositories>
  </profile></profiles>
  <servers><server><id>codearts</id><username>sandbox-user</username><password>sandbox-password</password>
    <configuration><domain>sandbox-domain</domain><region>cn-north-4</region><iamEndpoint>${sandbox}</iamEndpoint></configuration>
  </server></servers>
</settings>
"""
// What a CI job passes as -Darguments="...": read by invoker.properties (invoker.userPropertiesFile)
def arguments = new Properties()
arguments.setProperty('arguments', "-s ${settings.absolutePath} -Dworklink.endpoint=${sandbox}".toString())
new File(basedir, 'release-arguments.properties').withWriter { arguments.store(it, 'the release plugin passes these to its forked builds') }

// The history: work item B and C before the previous release's tag; after it A twice and B again.
def who = new PersonIdent('Dev', 'dev@example.com')
Git.init().setBare(true).setDirectory(remote).setInitialBranch('main').call().close()
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
def config = git.repository.config
config.setString('user', null, 'name', 'Dev')
config.setString('user', null, 'email', 'dev@example.com')
config.setString('remote', 'origin', 'url', remoteUrl)
config.setString('remote', 'origin', 'fetch', '+refs/heads/*:refs/remotes/origin/*')
config.setString('branch', 'main', 'remote', 'origin')
config.setString('branch', 'main', 'merge', 'refs/heads/main')
config.save()
new File(basedir, '.gitignore').text = 'target/\nbuild.log\nrelease-settings.xml\nrelease-arguments.properties\n*.releaseBackup\nrelease.properties\ncommits.txt\n'
git.add().addFilepattern('.').call()
def commit = { String message -> git.commit().setMessage(message).setAllowEmpty(true).setSign(false).setAuthor(who).setCommitter(who).call() }
commit('Project set up [#956239067176935402]')
def previous = commit('Old work [#956239067176935409]')
git.tag().setName('release-perform-1.0').setObjectId(previous).setAnnotated(true).setMessage('release 1.0').setSigned(false).call()
def a1 = commit('Retry uploads [#956239067176935401]')
commit('Tidy the build')
def a2 = commit('Upload progress [#956239067176935401;956239067176935402]\n\nWith a body line')
git.push().setRemote('origin').setRefSpecs(new RefSpec('refs/heads/main:refs/heads/main')).setPushTags().call()
git.close()
new File(basedir, 'commits.txt').text = [a1.name().substring(0, 7), a2.name().substring(0, 7)].join('\n')
check(new File(remote, 'refs/tags/release-perform-1.0').isFile() || new File(remote, 'packed-refs').text.contains('release-perform-1.0'), 'the tag is pushed')
return true
