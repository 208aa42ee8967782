package dev.breakwater.gateway.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.jmx.JmxReporter;
import com.codahale.metrics.jmx.ObjectNameFactory;
import dev.breakwater.gateway.status.GatewayStatus;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a gateway to the platform MBean server, where jconsole finds it: every metric under
 * the domain as a tree ({@code breakwater:type=api,api=echo,name=requests}) and the status
 * MBean {@code breakwater:type=Gateway}. Closing unregisters all of it, so a redeployed web
 * application leaves nothing stale behind.
 */
public final class JmxPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JmxPublisher.class);

    private final JmxReporter reporter;
    private final ObjectName statusName;

    private JmxPublisher(JmxReporter reporter, ObjectName statusName) {
        this.reporter = reporter;
        this.statusName = statusName;
    }

    public static JmxPublisher start(String domain, MetricRegistry registry, Supplier<GatewayStatus> status,
                                     Supplier<String> syncNow) {
        JmxReporter reporter = JmxReporter.forRegistry(registry).inDomain(domain)
                .createsObjectNamesWith(new TreeNames())
                .convertDurationsTo(TimeUnit.MILLISECONDS).convertRatesTo(TimeUnit.SECONDS).build();
        reporter.start();
        ObjectName statusName = null;
        try {
            statusName = new ObjectName(domain, "type", "Gateway");
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(new StandardMBean(new StatusBean(status, syncNow), GatewayMXBean.class, true),
                    statusName);
        } catch (JMException e) {
            LOG.warn("the status MBean {} cannot be registered: {}", statusName, e.getMessage());
            statusName = null;
        }
        return new JmxPublisher(reporter, statusName);
    }

    @Override
    public void close() {
        reporter.stop();
        if (statusName != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(statusName);
            } catch (JMException e) {
                LOG.debug("the status MBean was gone already: {}", e.getMessage());
            }
        }
    }

    /**
     * {@code api.echo.operation.get.requests} → {@code type=operation,api=echo,operation=get,name=requests};
     * {@code api.echo.requests} → {@code type=api,api=echo,name=requests};
     * a custom metric {@code custom.<namespace>.<rest>} → {@code type=custom,namespace=<namespace>,name=<rest>};
     * anything else {@code a.b.c} → {@code type=a,name=b.c}.
     */
    static final class TreeNames implements ObjectNameFactory {
        @Override
        public ObjectName createName(String type, String domain, String name) {
            String[] parts = name.split("\\.");
            try {
                int namespaceEnd = name.startsWith(CustomMetrics.PREFIX) ? unescapedDot(name, CustomMetrics.PREFIX.length())
                        : -1;
                if (namespaceEnd > 0) {
                    return new ObjectName(domain + ":type=custom,namespace="
                            + quote(name.substring(CustomMetrics.PREFIX.length(), namespaceEnd)) + ",name="
                            + quote(name.substring(namespaceEnd + 1)));
                }
                if (parts.length >= 5 && parts[0].equals("api") && parts[2].equals("operation")) {
                    return new ObjectName(domain + ":type=operation,api=" + quote(parts[1]) + ",operation="
                            + quote(parts[3]) + ",name=" + quote(tail(parts, 4)));
                }
                if (parts.length >= 3 && parts[0].equals("api")) {
                    return new ObjectName(domain + ":type=api,api=" + quote(parts[1]) + ",name=" + quote(tail(parts, 2)));
                }
                return new ObjectName(domain + ":type=" + quote(parts[0]) + ",name="
                        + quote(parts.length > 1 ? tail(parts, 1) : name));
            } catch (MalformedObjectNameException e) {
                throw new IllegalArgumentException("no JMX name for metric " + name, e);
            }
        }

        /** Where the first '.' from {@code from} stands that is not escaped by '\\' ({@link CustomMetrics}), or -1. */
        private static int unescapedDot(String name, int from) {
            for (int i = from; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '.') {
                    return i;
                }
            }
            return -1;
        }

        private static String tail(String[] parts, int from) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, from, parts.length));
        }

        private static String quote(String value) {
            return value.matches("[A-Za-z0-9._~-]+") ? value : ObjectName.quote(value);
        }
    }

    /** The status MBean, reading the gateway's status at every call. */
    private static final class StatusBean implements GatewayMXBean {
        private final Supplier<GatewayStatus> status;
        private final Supplier<String> sync;

        StatusBean(Supplier<GatewayStatus> status, Supplier<String> sync) {
            this.status = status;
            this.sync = sync;
        }

        @Override
        public String getGatewayName() {
            return status.get().gatewayName();
        }

        @Override
        public String getInstanceId() {
            return status.get().instanceId();
        }

        @Override
        public long getRevision() {
            return status.get().revision();
        }

        @Override
        public boolean isReady() {
            return status.get().ready();
        }

        @Override
        public boolean isConnected() {
            return Boolean.TRUE.equals(status.get().connected());
        }

        @Override
        public long getSecondsSinceLastSync() {
            Long seconds = status.get().secondsSinceLastSync();
            return seconds == null ? -1 : seconds;
        }

        @Override
        public long getBackupRevision() {
            return status.get().backupRevision();
        }

        @Override
        public String getLastError() {
            return status.get().lastError();
        }

        @Override
        public String getCounterStore() {
            GatewayStatus.Counters counters = status.get().counters();
            return counters == null ? null : counters.store();
        }

        @Override
        public boolean isCounterStoreAvailable() {
            GatewayStatus.Counters counters = status.get().counters();
            return counters == null || counters.available();
        }

        @Override
        public String getExternalCache() {
            GatewayStatus.Cache cache = status.get().cache();
            return cache == null ? null : cache.external();
        }

        @Override
        public boolean isExternalCacheAvailable() {
            GatewayStatus.Cache cache = status.get().cache();
            return cache == null || cache.available();
        }

        @Override
        public String syncNow() {
            return sync.get();
        }
    }
}
