import org.eclipse.jetty.ee10.proxy.ProxyServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The bar for the gateway's throughput: Jetty's ProxyServlet.Transparent with its defaults,
 * nothing else. Run from the runner's jar (it holds Jetty), for proxy-bench:
 *   java -cp gateway-runner/target/gateway-runner.jar conf/bench/BareProxy.java PORT BACKEND_URL
 */
public class BareProxy {
    public static void main(String[] args) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.setAttribute("org.eclipse.jetty.server.Executor", threads);
        ServletHolder proxy = new ServletHolder(new ProxyServlet.Transparent());
        proxy.setInitParameter("proxyTo", args[1]);
        proxy.setInitParameter("prefix", "/bench");
        proxy.setAsyncSupported(true);
        context.addServlet(proxy, "/*");
        server.setHandler(context);
        server.start();
        server.join();
    }
}
