import static dev.worklink.it.ItSandbox.*

check(records(sandboxPort).isEmpty(), "no request may be sent: ${records(sandboxPort).collect { it.path }}")
def log = new File(basedir, 'build.log').text
check(log.contains("The server 'codearts-unset-env' in settings.xml still holds an unresolved \${...} expression in <password> after Maven's interpolation"),
        'the message names the server and the element')
check(!log.contains('WORKLINK_IT_UNSET_PASSWORD'), 'the value (here the expression) is never shown')
return true
