// A real SMTP server for tests (smtp-server), keeping parsed messages in memory.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  port: number;
  messages: ParsedMail[];
  /** SMTP connections opened so far (a pooled transport reuses a few) */
  connections: () => number;
  stop: () => Promise<void>;
};

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    // A pooled client keeps idle connections open: close them soon after stop().
    closeTimeout: 200,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    messages,
    connections: () => connections,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
