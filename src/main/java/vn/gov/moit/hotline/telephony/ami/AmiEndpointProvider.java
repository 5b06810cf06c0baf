package vn.gov.moit.hotline.telephony.ami;

import java.util.Optional;

/**
 * Supplies an AMI endpoint when none is configured ({@code hotline.ami.host} empty): the demo PBX implements it.
 * Asked once per {@link AmiConnector#start()}, on the connector's own thread.
 */
public interface AmiEndpointProvider {

    Optional<AmiEndpoint> amiEndpoint();
}
