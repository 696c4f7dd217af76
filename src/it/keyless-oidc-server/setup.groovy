import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// the ID token the sandbox's identity provider accepts, where the build reads it (a CI step would write it)
new File(basedir, 'id-token.jwt').text = dev.worklink.sandbox.SandboxCredentials.ID_TOKEN
return true
