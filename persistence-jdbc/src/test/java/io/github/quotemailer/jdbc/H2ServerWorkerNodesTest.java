package io.github.quotemailer.jdbc;

/**
 * The {@link WorkerNodesContract} on H2 in server mode (an in-memory database behind a TCP server
 * in this JVM, which the worker JVMs open over loopback): claims with the portable conditional
 * update. Runs everywhere, needing no database server.
 */
class H2ServerWorkerNodesTest extends WorkerNodesContract {
  @Override
  TestDatabase openDatabase() throws Exception {
    return EmbeddedDatabases.h2Server();
  }
}
