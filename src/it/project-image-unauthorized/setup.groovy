import java.security.KeyPairGenerator

dev.worklink.it.ItSandbox.reset(sandboxPort)
// the application's key pair: the private key goes where settings.xml's <privateKey> points (${user.dir}/target),
// the public key to the sandbox, which checks the system user's signature with it
def generator = KeyPairGenerator.getInstance('RSA')
generator.initialize(2048)
def keys = generator.generateKeyPair()
def target = new File(basedir, 'target')
target.mkdirs()
def b64 = Base64.getMimeEncoder(64, '\n'.bytes)
new File(target, 'so-private-key.pem').text = "-----BEGIN PRIVATE KEY-----\n${b64.encodeToString(keys.private.encoded)}\n-----END PRIVATE KEY-----\n"
dev.worklink.it.ItSandbox.superOfficePublicKey(sandboxPort,
        "-----BEGIN PUBLIC KEY-----\n${b64.encodeToString(keys.public.encoded)}\n-----END PUBLIC KEY-----\n".toString())
return true
