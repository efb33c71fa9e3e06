package dev.gregor.chaos;

import java.nio.ByteBuffer;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.RequestUtils;
import org.apache.kafka.common.requests.ResponseHeader;

/**
 * Rewrites the broker port in the responses that tell a client where brokers are (Metadata,
 * FindCoordinator, DescribeCluster), so that after bootstrapping through the proxy the client
 * keeps talking to the proxy instead of the broker's advertised listener.
 */
final class AddressRewrite {
  private final int brokerPort;
  private final int proxyPort;

  AddressRewrite(int brokerPort, int proxyPort) {
    this.brokerPort = brokerPort;
    this.proxyPort = proxyPort;
  }

  static boolean concerns(ApiKeys api) {
    return api == ApiKeys.METADATA || api == ApiKeys.FIND_COORDINATOR || api == ApiKeys.DESCRIBE_CLUSTER;
  }

  /** The response frame (without its size prefix) with broker ports replaced by the proxy's. */
  ByteBuffer rewrite(ByteBuffer frame, ApiKeys api, short version) {
    ResponseHeader header = ResponseHeader.parse(frame, api.responseHeaderVersion(version));
    ApiMessage body = AbstractResponse.parseResponse(api, new ByteBufferAccessor(frame), version).data();
    if (body instanceof MetadataResponseData metadata) {
      metadata.brokers().forEach(broker -> broker.setPort(port(broker.port())));
    } else if (body instanceof FindCoordinatorResponseData coordinator) {
      coordinator.setPort(port(coordinator.port()));
      coordinator.coordinators().forEach(c -> c.setPort(port(c.port())));
    } else if (body instanceof DescribeClusterResponseData cluster) {
      cluster.brokers().forEach(broker -> broker.setPort(port(broker.port())));
    }
    return RequestUtils.serialize(header.data(), header.headerVersion(), body, version);
  }

  private int port(int port) {
    return port == brokerPort ? proxyPort : port;
  }
}
