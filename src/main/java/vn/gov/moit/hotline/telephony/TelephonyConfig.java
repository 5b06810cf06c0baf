package vn.gov.moit.hotline.telephony;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Which calls are hotline calls. */
@ConfigMapping(prefix = "hotline.telephony")
public interface TelephonyConfig {

    /** The hotline's numbers (DIDs), in any written form; compared after normalisation. */
    @WithDefault("024.222.021115")
    List<String> dids();

    /** Dialplan contexts where calls from the public network enter. */
    @WithDefault("from-pstn")
    List<String> inboundContexts();

    /** Asterisk queues whose callers are hotline calls, whatever number they dialled. */
    @WithDefault("hotline")
    List<String> queues();
}
