package dev.tenancy.boot.ratelimit;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tenancy.boot.ratelimit.TenantRateLimits.Limit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

/** A limit that would let no request through is refused with a message saying what to set instead. */
class RateLimitValuesTest {

    @Test
    void aLimitOfNoRequestsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Limit(0, Duration.ofSeconds(1)))
                .withMessageContaining("at least 1 request, not 0");
    }

    @Test
    void aLimitWithoutAPositiveIntervalIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Limit(10, Duration.ZERO))
                .withMessageContaining("interval must be positive");
    }

    @Test
    void aCacheOfNoTenantsIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TenantBuckets.inMemory(new Limit(1, Duration.ofSeconds(1)),
                        tenant -> Optional.empty(), 0))
                .withMessageContaining("tenancy.rate-limit.max-tenants must be at least 1");
    }
}
