import static dev.worklink.it.ItSandbox.*

// one exchange, both jars intact, every CodeArts call signed with the temporary keys, no secret in log or reports
def log = checkOneFederatedTwoModuleBuild(sandboxPort, basedir)
check(log.contains("configured by server 'codearts-oidc' in Maven settings"), 'the log must name the server as the source')
return true
