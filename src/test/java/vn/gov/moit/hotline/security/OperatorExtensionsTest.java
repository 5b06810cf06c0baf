package vn.gov.moit.hotline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.moit.hotline.TestClock;
import vn.gov.moit.hotline.common.Roles;

/** Which operator answers on an extension: a change made here counts at once, one made elsewhere within 30 s. */
@QuarkusTest
class OperatorExtensionsTest {

    @Inject
    Users users;

    @Inject
    TestClock clock;

    @BeforeEach
    void start() {
        clock.set(TestClock.START);
    }

    @Test
    void aChangedExtensionCountsAtOnceHereAndWithinTheKeepingTimeFromAnotherInstance() {
        String name = "op.ext." + System.nanoTime();
        users.create(name, "secret-1", Roles.OPERATOR, "Extension test", null, "3901", null, null);
        assertThat(operatorOn("3901")).contains(name);

        // An administrator moves the operator to another extension through this instance.
        long version = users.get(name).version();
        users.update(name, version, null, Roles.OPERATOR, "Extension test", null, "3902", null, null);
        assertThat(operatorOn("3901")).isEmpty();
        assertThat(operatorOn("3902")).contains(name);

        // Another instance sharing the database moves it again: seen here once the map is older than 30 s.
        QuarkusTransaction.requiringNew().run(() -> User.update("extension = ?1 where username = ?2", "3903", name));
        assertThat(operatorOn("3902")).contains(name);
        clock.advance(Users.EXTENSIONS_KEPT);
        assertThat(operatorOn("3902")).isEmpty();
        assertThat(operatorOn("3903")).contains(name);

        users.delete(name);
        assertThat(operatorOn("3903")).isEmpty();
    }

    private Optional<String> operatorOn(String extension) {
        return QuarkusTransaction.requiringNew().call(() -> users.operatorForExtension(extension));
    }
}
