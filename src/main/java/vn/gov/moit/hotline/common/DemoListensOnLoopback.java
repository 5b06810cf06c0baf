package vn.gov.moit.hotline.common;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * With the demo switch on, whose users all have the password {@code demo}, the server listens on the loopback
 * address only and, being reached over plain HTTP there, does not mark the session cookie {@code Secure}; a
 * {@code quarkus.http.host} or {@code hotline.security.secure-cookie} given in the environment or as a
 * {@code -D} option still wins. Without the demo nothing changes.
 */
public class DemoListensOnLoopback implements ConfigSourceFactory {

    /** Above application.properties (250, whose %prod marks cookies Secure), below the environment and -D options. */
    static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue demo = context.getValue("hotline.demo.enabled");
        if (demo == null || !"true".equalsIgnoreCase(demo.getValue())) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("demo: loopback only", Map.of("quarkus.http.host", "127.0.0.1",
                "hotline.security.secure-cookie", "false"),
                ORDINAL) {
        });
    }
}
