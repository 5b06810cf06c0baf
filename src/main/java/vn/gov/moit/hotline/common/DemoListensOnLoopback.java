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
 * address only, unless {@code quarkus.http.host} is set (in application.properties, the environment or a
 * {@code -D} option, which all rank above this source). Without the demo nothing changes.
 */
public class DemoListensOnLoopback implements ConfigSourceFactory {

    /** Above Quarkus's built-in defaults, below application.properties (250), environment and system properties. */
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue demo = context.getValue("hotline.demo.enabled");
        if (demo == null || !"true".equalsIgnoreCase(demo.getValue())) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("demo: loopback only", Map.of("quarkus.http.host", "127.0.0.1"),
                ORDINAL) {
        });
    }
}
