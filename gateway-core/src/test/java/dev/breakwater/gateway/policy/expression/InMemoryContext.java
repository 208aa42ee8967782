package dev.breakwater.gateway.policy.expression;

import dev.breakwater.gateway.policy.expression.context.ApiView;
import dev.breakwater.gateway.policy.expression.context.CertificateView;
import dev.breakwater.gateway.policy.expression.context.DeploymentView;
import dev.breakwater.gateway.policy.expression.context.LastErrorView;
import dev.breakwater.gateway.policy.expression.context.MessageBody;
import dev.breakwater.gateway.policy.expression.context.OperationView;
import dev.breakwater.gateway.policy.expression.context.ProductView;
import dev.breakwater.gateway.policy.expression.context.RequestView;
import dev.breakwater.gateway.policy.expression.context.ResponseView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionKeyParameterNamesView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionView;
import dev.breakwater.gateway.policy.expression.context.UrlView;
import dev.breakwater.gateway.policy.expression.context.UserView;
import dev.breakwater.gateway.policy.expression.runtime.IgnoreCaseMap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A request's {@code context} held in memory, for tests: mutable fields, fixed clock. */
final class InMemoryContext implements ExpressionContext {

    final Map<String, Object> variables = new HashMap<>();
    final List<String> traces = new ArrayList<>();
    final InMemoryRequest request = new InMemoryRequest();
    InMemoryResponse response = new InMemoryResponse();
    Instant now = Instant.parse("2024-03-05T14:07:09.1234567Z");
    UUID requestId = UUID.fromString("5f2c3a1e-8d4b-4c6a-9e7f-0a1b2c3d4e5f");
    LastErrorView lastError;

    @Override
    public ApiView api() {
        return new ApiView() {
            public String id() {
                return "echo-api";
            }

            public String name() {
                return "Echo API";
            }

            public String path() {
                return "echo";
            }

            public List<String> protocols() {
                return List.of("https");
            }

            public UrlView serviceUrl() {
                return new InMemoryUrl("https://backend.example.com:8443/api?x=1");
            }

            public SubscriptionKeyParameterNamesView subscriptionKeyParameterNames() {
                return new SubscriptionKeyParameterNamesView() {
                    public String header() {
                        return "Ocp-Apim-Subscription-Key";
                    }

                    public String query() {
                        return "subscription-key";
                    }
                };
            }

            public String version() {
                return "v1";
            }

            public String revision() {
                return "1";
            }

            public boolean isCurrentRevision() {
                return true;
            }
        };
    }

    @Override
    public OperationView operation() {
        return new OperationView() {
            public String id() {
                return "get-user";
            }

            public String method() {
                return "GET";
            }

            public String name() {
                return "Get user";
            }

            public String urlTemplate() {
                return "/users/{id}";
            }
        };
    }

    @Override
    public RequestView request() {
        return request;
    }

    @Override
    public ResponseView response() {
        return response;
    }

    @Override
    public Map<String, Object> variables() {
        return variables;
    }

    @Override
    public UUID requestId() {
        return requestId;
    }

    @Override
    public Instant timestamp() {
        return now.minusMillis(1500);
    }

    @Override
    public Duration elapsed() {
        return Duration.ofMillis(1500);
    }

    @Override
    public LastErrorView lastError() {
        return lastError;
    }

    @Override
    public DeploymentView deployment() {
        return new DeploymentView() {
            public String gatewayId() {
                return "gw-1";
            }

            public String region() {
                return "West Europe";
            }

            public String serviceName() {
                return "breakwater";
            }

            public String serviceId() {
                return "svc-1";
            }

            public String instanceId() {
                return "gw-1-instance-7";
            }
        };
    }

    @Override
    public SubscriptionView subscription() {
        return null;
    }

    @Override
    public ProductView product() {
        return null;
    }

    @Override
    public UserView user() {
        return null;
    }

    @Override
    public boolean tracing() {
        return true;
    }

    @Override
    public void trace(String message) {
        traces.add(message);
    }

    @Override
    public Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    /** A body that APIM semantics consume unless preserved. */
    static final class InMemoryBody implements MessageBody {
        private byte[] bytes;

        InMemoryBody(String text) {
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] read(boolean preserveContent) {
            byte[] result = bytes;
            if (!preserveContent) {
                bytes = new byte[0];
            }
            return result;
        }
    }

    static final class InMemoryRequest implements RequestView {
        final Map<String, String[]> headers = castMap(new IgnoreCaseMap());
        final Map<String, String> matched = castMap(new IgnoreCaseMap());
        InMemoryBody body;
        String method = "POST";
        InMemoryUrl url = new InMemoryUrl("https://api.example.com/echo/users/42?name=Ann&tag=a&tag=b");
        CertificateView certificate;

        @Override
        public MessageBody body() {
            return body;
        }

        @Override
        public CertificateView certificate() {
            return certificate;
        }

        @Override
        public Map<String, String[]> headers() {
            return headers;
        }

        @Override
        public String ipAddress() {
            return "203.0.113.7";
        }

        @Override
        public Map<String, String> matchedParameters() {
            return matched;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public UrlView originalUrl() {
            return url;
        }

        @Override
        public UrlView url() {
            return url;
        }
    }

    static final class InMemoryResponse implements ResponseView {
        final Map<String, String[]> headers = castMap(new IgnoreCaseMap());
        InMemoryBody body;
        int status = 200;
        String reason = "OK";

        @Override
        public MessageBody body() {
            return body;
        }

        @Override
        public Map<String, String[]> headers() {
            return headers;
        }

        @Override
        public int statusCode() {
            return status;
        }

        @Override
        public String statusReason() {
            return reason;
        }
    }

    static final class InMemoryUrl implements UrlView {
        private final java.net.URI uri;

        InMemoryUrl(String url) {
            this.uri = java.net.URI.create(url);
        }

        public String host() {
            return uri.getHost();
        }

        public String path() {
            return uri.getPath();
        }

        public int port() {
            return uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        }

        public Map<String, String[]> query() {
            Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
            if (uri.getQuery() != null) {
                for (String pair : uri.getQuery().split("&")) {
                    String[] kv = pair.split("=", 2);
                    lists.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
                }
            }
            Map<String, String[]> result = castMap(new IgnoreCaseMap());
            lists.forEach((k, v) -> result.put(k, v.toArray(new String[0])));
            return result;
        }

        public String queryString() {
            return uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        }

        public String scheme() {
            return uri.getScheme();
        }

        public String fullUrl() {
            return uri.toString();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <K, V> Map<K, V> castMap(Map map) {
        return (Map<K, V>) map;
    }
}
