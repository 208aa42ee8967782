package dev.breakwater.gateway.policy.runtime.views;

import dev.breakwater.gateway.policy.expression.context.ApiView;
import dev.breakwater.gateway.policy.expression.context.DeploymentView;
import dev.breakwater.gateway.policy.expression.context.LastErrorView;
import dev.breakwater.gateway.policy.expression.context.OperationView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionKeyParameterNamesView;
import dev.breakwater.gateway.policy.expression.context.UrlView;
import dev.breakwater.gateway.policy.runtime.Deployment;
import dev.breakwater.gateway.policy.runtime.PolicyError;
import dev.breakwater.gateway.policy.runtime.RouteInfo;
import java.util.List;

/** The small, fixed views: {@code context.Api}, {@code Operation}, {@code LastError}, {@code Deployment}. */
final class RouteViews {

    private RouteViews() {
    }

    record Api(RouteInfo route) implements ApiView {
        @Override
        public String id() {
            return route.apiId();
        }

        @Override
        public String name() {
            return route.apiName();
        }

        @Override
        public String path() {
            return route.apiPath();
        }

        @Override
        public List<String> protocols() {
            return route.protocols();
        }

        @Override
        public UrlView serviceUrl() {
            return UrlParts.of(route.serviceUrl());
        }

        @Override
        public SubscriptionKeyParameterNamesView subscriptionKeyParameterNames() {
            return new SubscriptionKeyParameterNamesView() {
                @Override
                public String header() {
                    return route.keyHeader();
                }

                @Override
                public String query() {
                    return route.keyQuery();
                }
            };
        }

        @Override
        public String version() {
            return "";
        }

        @Override
        public String revision() {
            return "1";
        }

        @Override
        public boolean isCurrentRevision() {
            return true;
        }
    }

    record Operation(RouteInfo route) implements OperationView {
        @Override
        public String id() {
            return route.operationId();
        }

        @Override
        public String method() {
            return route.method();
        }

        @Override
        public String name() {
            return route.operationName();
        }

        @Override
        public String urlTemplate() {
            return route.urlTemplate();
        }
    }

    record LastError(PolicyError error) implements LastErrorView {
        @Override
        public String source() {
            return error.source();
        }

        @Override
        public String reason() {
            return error.reason();
        }

        @Override
        public String message() {
            return error.message();
        }

        @Override
        public String scope() {
            return error.scope();
        }

        @Override
        public String section() {
            return error.section();
        }

        @Override
        public String path() {
            return error.path();
        }

        @Override
        public String policyId() {
            return error.policyId();
        }
    }

    record Deploy(Deployment deployment) implements DeploymentView {
        @Override
        public String gatewayId() {
            return deployment.gatewayId();
        }

        @Override
        public String region() {
            return deployment.region();
        }

        @Override
        public String serviceName() {
            return deployment.serviceName();
        }

        @Override
        public String serviceId() {
            return deployment.serviceName();
        }

        @Override
        public String instanceId() {
            return deployment.instanceId();
        }
    }
}
