package io.ocmj.gitops;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;

/**
 * A smart-HTTP Git server on loopback (JGit's GitServlet on Jetty) serving one repository at {@code
 * /git/repo.git}, behind HTTP basic authentication.
 */
final class GitHttpServer implements AutoCloseable {
  private final Server server;

  GitHttpServer(Repository repository, String username, String password) throws Exception {
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler();
    GitServlet git = new GitServlet();
    git.setRepositoryResolver(
        (request, name) -> {
          repository.incrementOpen();
          return repository;
        });
    context.addServlet(new ServletHolder(git), "/git/*");
    byte[] expected =
        ("Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
    Filter basicAuth =
        new Filter() {
          @Override
          public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
              throws IOException, ServletException {
            String given = ((HttpServletRequest) req).getHeader("Authorization");
            if (given == null
                || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
              HttpServletResponse response = (HttpServletResponse) res;
              response.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
              response.sendError(401);
              return;
            }
            chain.doFilter(req, res);
          }
        };
    context.addFilter(new FilterHolder(basicAuth), "/*", EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:"
        + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
        + "/git/repo.git";
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
