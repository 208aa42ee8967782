package dev.breakwater.gateway.policy.expression.library;

import dev.breakwater.gateway.policy.expression.context.AuthorizationView;
import dev.breakwater.gateway.policy.expression.runtime.ValueFormatter;
import dev.breakwater.gateway.policy.expression.ExpressionContext;
import dev.breakwater.gateway.policy.expression.context.ApiView;
import dev.breakwater.gateway.policy.expression.context.CertificateView;
import dev.breakwater.gateway.policy.expression.context.DeploymentView;
import dev.breakwater.gateway.policy.expression.context.GroupView;
import dev.breakwater.gateway.policy.expression.context.LastErrorView;
import dev.breakwater.gateway.policy.expression.context.MessageBody;
import dev.breakwater.gateway.policy.expression.context.OperationView;
import dev.breakwater.gateway.policy.expression.context.ProductView;
import dev.breakwater.gateway.policy.expression.context.RequestView;
import dev.breakwater.gateway.policy.expression.context.ResponseView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionKeyParameterNamesView;
import dev.breakwater.gateway.policy.expression.context.SubscriptionView;
import dev.breakwater.gateway.policy.expression.context.UrlView;
import dev.breakwater.gateway.policy.expression.context.UserIdentityView;
import dev.breakwater.gateway.policy.expression.context.UserView;
import dev.breakwater.gateway.policy.expression.runtime.DotNetDateTime;
import dev.breakwater.gateway.policy.expression.runtime.DotNetTimeSpan;
import dev.breakwater.gateway.policy.expression.runtime.EnumValue;
import dev.breakwater.gateway.policy.expression.types.TypeDef;

import java.time.Instant;

/**
 * APIM's {@code context} model: IContext and the interfaces under it, read through the views of
 * package {@code context}. The message body and the APIM extension methods are in {@link MessageArea}.
 */
final class ContextArea implements LibraryArea {

    static final String NS = "Microsoft.ApiManagement";

    private TypeBuilder context;
    private TypeBuilder api;
    private TypeBuilder operation;
    private TypeBuilder request;
    private TypeBuilder response;
    private TypeBuilder url;
    private TypeBuilder lastError;
    private TypeBuilder deployment;
    private TypeBuilder subscription;
    private TypeBuilder product;
    private TypeBuilder productState;
    private TypeBuilder user;
    private TypeBuilder group;
    private TypeBuilder identity;
    private TypeBuilder keyNames;
    private TypeBuilder certificate;
    private TypeBuilder distinguishedName;
    private TypeBuilder gateway;
    private TypeBuilder authorization;

    TypeDef contextType() {
        return context.def();
    }

    @Override
    public void declare(LibraryBuilder b) {
        context = b.declare(NS, "IContext", TypeDef.Kind.INTERFACE, ExpressionContext.class);
        api = b.declare(NS, "IApi", TypeDef.Kind.INTERFACE, ApiView.class);
        operation = b.declare(NS, "IOperation", TypeDef.Kind.INTERFACE, OperationView.class);
        request = b.declare(NS, "IRequest", TypeDef.Kind.INTERFACE, RequestView.class);
        response = b.declare(NS, "IResponse", TypeDef.Kind.INTERFACE, ResponseView.class);
        url = b.declare(NS, "IUrl", TypeDef.Kind.INTERFACE, UrlView.class);
        lastError = b.declare(NS, "ILastError", TypeDef.Kind.INTERFACE, LastErrorView.class);
        deployment = b.declare(NS, "IDeployment", TypeDef.Kind.INTERFACE, DeploymentView.class);
        subscription = b.declare(NS, "ISubscription", TypeDef.Kind.INTERFACE, SubscriptionView.class);
        product = b.declare(NS, "IProduct", TypeDef.Kind.INTERFACE, ProductView.class);
        productState = b.declare(NS, "ProductState", TypeDef.Kind.ENUM, EnumValue.class);
        user = b.declare(NS, "IUser", TypeDef.Kind.INTERFACE, UserView.class);
        group = b.declare(NS, "IGroup", TypeDef.Kind.INTERFACE, GroupView.class);
        identity = b.declare(NS, "IUserIdentity", TypeDef.Kind.INTERFACE, UserIdentityView.class);
        keyNames = b.declare(NS, "ISubscriptionKeyParameterNames", TypeDef.Kind.INTERFACE, SubscriptionKeyParameterNamesView.class);
        gateway = b.declare(NS, "IGateway", TypeDef.Kind.INTERFACE, DeploymentView.class);
        authorization = b.declare(NS, "Authorization", TypeDef.Kind.CLASS,
                AuthorizationView.class);
        certificate = b.declare("System.Security.Cryptography.X509Certificates", "X509Certificate2", TypeDef.Kind.CLASS,
                CertificateView.class);
        distinguishedName = b.declare("System.Security.Cryptography.X509Certificates", "X500DistinguishedName",
                TypeDef.Kind.CLASS, CertificateView.DistinguishedName.class);
    }

    private static ExpressionContext c(Object o) {
        return (ExpressionContext) o;
    }

    private static Object date(Instant i) {
        return i == null ? null : DotNetDateTime.of(i, DotNetDateTime.UTC);
    }

    @Override
    public void define(LibraryBuilder b) {
        context.prop("IApi Api", o -> c(o).api())
                .prop("IOperation Operation", o -> c(o).operation())
                .prop("IRequest Request", o -> c(o).request())
                .prop("IResponse Response", o -> c(o).response())
                .prop("IReadOnlyDictionary<string, object> Variables", o -> c(o).variables())
                .prop("Guid RequestId", o -> c(o).requestId())
                .prop("DateTime Timestamp", o -> date(c(o).timestamp()))
                .prop("TimeSpan Elapsed", o -> new DotNetTimeSpan(c(o).elapsed().toNanos() / 100))
                .prop("ILastError LastError", o -> c(o).lastError())
                .prop("IDeployment Deployment", o -> c(o).deployment())
                .prop("ISubscription Subscription", o -> c(o).subscription())
                .prop("IProduct Product", o -> c(o).product())
                .prop("IUser User", o -> c(o).user())
                .prop("bool Tracing", o -> c(o).tracing())
                .method("void Trace(string message)", (o, m) -> {
                    c(o).trace((String) m);
                    return null;
                })
                .method("void Trace(string source, object message)", (o, s, m) -> {
                    c(o).trace(s + ": " + ValueFormatter.toString(m));
                    return null;
                });
        api.prop("string Id", o -> ((ApiView) o).id())
                .prop("string Name", o -> ((ApiView) o).name())
                .prop("string Path", o -> ((ApiView) o).path())
                .prop("IEnumerable<string> Protocols", o -> ((ApiView) o).protocols())
                .prop("IUrl ServiceUrl", o -> ((ApiView) o).serviceUrl())
                .prop("ISubscriptionKeyParameterNames SubscriptionKeyParameterNames", o -> ((ApiView) o).subscriptionKeyParameterNames())
                .prop("string Version", o -> ((ApiView) o).version())
                .prop("string Revision", o -> ((ApiView) o).revision())
                .prop("bool IsCurrentRevision", o -> ((ApiView) o).isCurrentRevision());
        keyNames.prop("string Header", o -> ((SubscriptionKeyParameterNamesView) o).header())
                .prop("string Query", o -> ((SubscriptionKeyParameterNamesView) o).query());
        operation.prop("string Id", o -> ((OperationView) o).id())
                .prop("string Method", o -> ((OperationView) o).method())
                .prop("string Name", o -> ((OperationView) o).name())
                .prop("string UrlTemplate", o -> ((OperationView) o).urlTemplate());
        request.prop("IMessageBody Body", o -> ((RequestView) o).body())
                .prop("X509Certificate2 Certificate", o -> ((RequestView) o).certificate())
                .prop("IReadOnlyDictionary<string, string[]> Headers", o -> ((RequestView) o).headers())
                .prop("string IpAddress", o -> ((RequestView) o).ipAddress())
                .prop("IReadOnlyDictionary<string, string> MatchedParameters", o -> ((RequestView) o).matchedParameters())
                .prop("string Method", o -> ((RequestView) o).method())
                .prop("IUrl OriginalUrl", o -> ((RequestView) o).originalUrl())
                .prop("IUrl Url", o -> ((RequestView) o).url());
        response.prop("IMessageBody Body", o -> ((ResponseView) o).body())
                .prop("IReadOnlyDictionary<string, string[]> Headers", o -> ((ResponseView) o).headers())
                .prop("int StatusCode", o -> ((ResponseView) o).statusCode())
                .prop("string StatusReason", o -> ((ResponseView) o).statusReason());
        url.prop("string Host", o -> ((UrlView) o).host())
                .prop("string Path", o -> ((UrlView) o).path())
                .prop("int Port", o -> ((UrlView) o).port())
                .prop("IReadOnlyDictionary<string, string[]> Query", o -> ((UrlView) o).query())
                .prop("string QueryString", o -> ((UrlView) o).queryString())
                .prop("string Scheme", o -> ((UrlView) o).scheme())
                .method("string ToString()", o -> ((UrlView) o).fullUrl());
        lastError.prop("string Source", o -> ((LastErrorView) o).source())
                .prop("string Reason", o -> ((LastErrorView) o).reason())
                .prop("string Message", o -> ((LastErrorView) o).message())
                .prop("string Scope", o -> ((LastErrorView) o).scope())
                .prop("string Section", o -> ((LastErrorView) o).section())
                .prop("string Path", o -> ((LastErrorView) o).path())
                .prop("string PolicyId", o -> ((LastErrorView) o).policyId());
        deployment.prop("string GatewayId", o -> ((DeploymentView) o).gatewayId())
                .prop("string Region", o -> ((DeploymentView) o).region())
                .prop("string ServiceName", o -> ((DeploymentView) o).serviceName())
                .prop("string ServiceId", o -> ((DeploymentView) o).serviceId())
                .prop("IGateway Gateway", o -> o);
        gateway.prop("string Id", o -> ((DeploymentView) o).gatewayId())
                .prop("string InstanceId", o -> ((DeploymentView) o).instanceId())
                .prop("bool IsManaged", o -> ((DeploymentView) o).isManaged());
        authorization.prop("string AccessToken", o -> ((AuthorizationView) o).accessToken())
                .prop("IReadOnlyDictionary<string, object> Claims",
                        o -> ((AuthorizationView) o).claims());
        subscription.prop("string Id", o -> ((SubscriptionView) o).id())
                .prop("string Key", o -> ((SubscriptionView) o).key())
                .prop("string Name", o -> ((SubscriptionView) o).name())
                .prop("string PrimaryKey", o -> ((SubscriptionView) o).primaryKey())
                .prop("string SecondaryKey", o -> ((SubscriptionView) o).secondaryKey())
                .prop("DateTime CreatedDate", o -> date(((SubscriptionView) o).createdDate()))
                .prop("DateTime? StartDate", o -> date(((SubscriptionView) o).startDate()))
                .prop("DateTime? EndDate", o -> date(((SubscriptionView) o).endDate()));
        defineProductAndUser();
        certificate.prop("string Subject", o -> ((CertificateView) o).subject())
                .prop("string Issuer", o -> ((CertificateView) o).issuer())
                .prop("string Thumbprint", o -> ((CertificateView) o).thumbprint())
                .prop("string SerialNumber", o -> ((CertificateView) o).serialNumber())
                .prop("DateTime NotBefore", o -> DotNetDateTime.of(((CertificateView) o).notBefore(), DotNetDateTime.LOCAL))
                .prop("DateTime NotAfter", o -> DotNetDateTime.of(((CertificateView) o).notAfter(), DotNetDateTime.LOCAL))
                .prop("byte[] RawData", o -> ((CertificateView) o).rawData().clone())
                .method("byte[] GetRawCertData()", o -> ((CertificateView) o).rawData().clone())
                .prop("X500DistinguishedName SubjectName", o -> ((CertificateView) o).subjectName())
                .prop("X500DistinguishedName IssuerName", o -> ((CertificateView) o).issuerName())
                .prop("int Version", o -> ((CertificateView) o).version())
                .prop("bool HasPrivateKey", o -> false) // the gateway never holds a client's key
                .prop("string FriendlyName", o -> "")
                .method("string GetCertHashString()", o -> ((CertificateView) o).thumbprint())
                .method("string GetSerialNumberString()", o -> ((CertificateView) o).serialNumber())
                .method("bool Verify()", o -> ((CertificateView) o).verify())
                .method("bool VerifyNoRevocation()", o -> ((CertificateView) o).verifyNoRevocation());
        distinguishedName.prop("string Name", o -> ((CertificateView.DistinguishedName) o).name());
    }

    private void defineProductAndUser() {
        productState.enumMember("NotPublished", 0).enumMember("Published", 1);
        TypeDef stateDef = productState.def();
        product.prop("string Id", o -> ((ProductView) o).id())
                .prop("string Name", o -> ((ProductView) o).name())
                .prop("ProductState State", o -> new EnumValue(stateDef, ((ProductView) o).published() ? 1 : 0))
                .prop("bool SubscriptionRequired", o -> ((ProductView) o).subscriptionRequired())
                .prop("bool ApprovalRequired", o -> ((ProductView) o).approvalRequired())
                .prop("int? SubscriptionsLimit", o -> ((ProductView) o).subscriptionsLimit())
                .prop("int? SubscriptionLimit", o -> ((ProductView) o).subscriptionsLimit())
                .prop("IEnumerable<IGroup> Groups", o -> ((ProductView) o).groups())
                .prop("IEnumerable<IApi> Apis", o -> ((ProductView) o).apis());
        user.prop("string Id", o -> ((UserView) o).id())
                .prop("string Email", o -> ((UserView) o).email())
                .prop("string FirstName", o -> ((UserView) o).firstName())
                .prop("string LastName", o -> ((UserView) o).lastName())
                .prop("string Note", o -> ((UserView) o).note())
                .prop("DateTime RegistrationDate", o -> date(((UserView) o).registrationDate()))
                .prop("IEnumerable<IGroup> Groups", o -> ((UserView) o).groups())
                .prop("IEnumerable<IUserIdentity> Identities", o -> ((UserView) o).identities());
        group.prop("string Id", o -> ((GroupView) o).id()).prop("string Name", o -> ((GroupView) o).name());
        identity.prop("string Id", o -> ((UserIdentityView) o).id()).prop("string Provider", o -> ((UserIdentityView) o).provider());
    }

    static MessageBody body(Object o) {
        return (MessageBody) o;
    }
}
