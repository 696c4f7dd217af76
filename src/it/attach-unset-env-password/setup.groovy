dev.worklink.it.ItSandbox.reset(sandboxPort)
// the variable the server's password names must be unset for this build
dev.worklink.it.ItSandbox.check(System.getenv('WORKLINK_IT_UNSET_PASSWORD') == null, 'WORKLINK_IT_UNSET_PASSWORD is set in this environment')
return true
