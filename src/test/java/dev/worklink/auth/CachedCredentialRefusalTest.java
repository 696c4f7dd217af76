package dev.worklink.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklink.http.ServiceClient;
import dev.worklink.http.ServiceException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A refused login is not repeated in the build; any other failure is. */
class CachedCredentialRefusalTest {

    /** Answers each login with the next queued status: 200 gives a credential, anything else fails with it. */
    static final class ScriptedLogin extends CachedCredential {
        final Deque<Integer> answers = new ArrayDeque<>();
        int calls;

        ScriptedLogin(Integer... statuses) {
            super(Clock.systemUTC());
            answers.addAll(java.util.List.of(statuses));
        }

        @Override
        protected Obtained obtain(ServiceClient client) throws ServiceException {
            calls++;
            int status = answers.removeFirst();
            if (status != 200) {
                throw new ServiceException("log in", status, null, null, null);
            }
            return new Obtained("credential-" + calls, Instant.now().plusSeconds(86_400));
        }

        String get() throws Exception {
            return current(null);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void aRefusalIsRememberedAndTheServiceIsNotAskedAgain(int status) {
        ScriptedLogin login = new ScriptedLogin(status, 200);

        assertThatThrownBy(login::get).isInstanceOf(ServiceException.class);
        assertThatThrownBy(login::get).isInstanceOf(ServiceException.class).satisfies(e -> assertThat(((ServiceException) e).status()).isEqualTo(status));
        assertThat(login.calls).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 408, 429, 500, 503})
    void anotherFailureIsNoRefusalAndTheNextUseAsksAgain(int status) throws Exception {
        ScriptedLogin login = new ScriptedLogin(status, 200);

        assertThatThrownBy(login::get).isInstanceOf(ServiceException.class);
        assertThat(login.get()).isEqualTo("credential-2");
        assertThat(login.calls).isEqualTo(2);
    }

    @Test
    void closingForgetsTheRefusal() throws Exception {
        ScriptedLogin login = new ScriptedLogin(401, 200);
        assertThatThrownBy(login::get).isInstanceOf(ServiceException.class);

        login.close();

        assertThat(login.get()).isEqualTo("credential-2");
    }
}
