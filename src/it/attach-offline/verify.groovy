import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
check(log.contains('worklink:attach needs the network, but Maven is offline (-o). Run the build without -o, or add -Dworklink.dryRun=true'), 'no offline message')
check(records(sandboxPort).isEmpty(), 'offline must send nothing')
return true
