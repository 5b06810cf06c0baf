package vn.gov.moit.hotline.telephony.ami;

import java.time.Duration;
import java.util.Optional;

/** AmiConfig for plain JUnit tests: short timers so failures show up in seconds. */
record TestAmiConfig(Optional<String> host, int port, Duration pingInterval, Duration readTimeout,
        Duration reconnectBackoffMin, Duration loginTimeout) implements AmiConfig {

    static TestAmiConfig forPort(int port) {
        return new TestAmiConfig(Optional.of("127.0.0.1"), port, Duration.ofSeconds(10), Duration.ofSeconds(25),
                Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    TestAmiConfig withPing(Duration ping, Duration read) {
        return new TestAmiConfig(host, port, ping, read, reconnectBackoffMin, loginTimeout);
    }

    TestAmiConfig withLoginTimeout(Duration timeout) {
        return new TestAmiConfig(host, port, pingInterval, readTimeout, reconnectBackoffMin, timeout);
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String username() {
        return "hotline";
    }

    @Override
    public Optional<String> secret() {
        return Optional.of("hotline-secret");
    }

    @Override
    public Duration reconnectBackoffMax() {
        return Duration.ofSeconds(1);
    }

    @Override
    public int dispatcherThreads() {
        return 4;
    }

    @Override
    public int dispatcherQueueCapacity() {
        return 10_000;
    }

    @Override
    public int dispatcherBatchSize() {
        return 200;
    }

    @Override
    public Duration shutdownDrainTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration actionTimeout() {
        return loginTimeout;
    }

    @Override
    public Election election() {
        return new Election() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Duration lease() {
                return Duration.ofSeconds(15);
            }

            @Override
            public Duration renewInterval() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Optional<String> instanceId() {
                return Optional.empty();
            }

            @Override
            public boolean hotStandby() {
                return true;
            }

            @Override
            public Duration standbyBufferTime() {
                return Duration.ofSeconds(60);
            }

            @Override
            public int standbyBufferEvents() {
                return 1000;
            }

            @Override
            public Duration handoverTimeout() {
                return Duration.ofSeconds(20);
            }
        };
    }
}
