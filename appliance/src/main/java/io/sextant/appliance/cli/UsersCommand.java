package io.sextant.appliance.cli;

import io.sextant.appliance.security.Account;
import io.sextant.appliance.security.AccountException;
import io.sextant.appliance.security.Accounts;
import io.sextant.appliance.security.ApiTokens;
import io.sextant.appliance.security.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sextant users ...}: account administration on the console for system administrators. Works on the database
 * directly, with the server stopped or running; every change is audited as {@code cli:<os-user>}.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "Manage local accounts, their clearances and API tokens (console, for system administrators).",
        subcommands = {
            UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.SetClearance.class,
            UsersCommand.Token.class, UsersCommand.RevokeToken.class, UsersCommand.Lock.class,
            UsersCommand.Unlock.class, UsersCommand.SetCertificate.class
        })
final class UsersCommand implements Runnable {

    @ParentCommand
    SextantCommand root;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Common plumbing: open the services, run, map account errors to exit status 1. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public final Integer call() throws IOException {
            try (ConsoleServices s = ConsoleServices.open(users.root.dataDir())) {
                return run(s, spec.commandLine().getOut());
            } catch (AccountException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("sextant users: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
        }

        abstract int run(ConsoleServices s, PrintWriter out) throws IOException;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create an account. Without --password-stdin a one-time password is generated and printed; "
                    + "either way the owner must change it at the first sign-in.")
    static final class Add extends Sub {
        @Parameters(index = "0", paramLabel = "NAME", description = "Account name (lower case).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "analyst, reviewer or admin.")
        String role;

        @Option(names = "--clearance", required = true, paramLabel = "CLEARANCE",
                description = "e.g. \"level=TS;sci=SI,TK;country=USA\" (keys: level, country, sci, sap, aea, orgs, action, nato, orcon).")
        String clearance;

        @Option(names = "--password-stdin", description = "Read the initial password from the first line of stdin.")
        boolean passwordStdin;

        @Override
        int run(ConsoleServices s, PrintWriter out) throws IOException {
            char[] password = null;
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new IllegalArgumentException("no password on stdin");
                }
                password = line.toCharArray();
            }
            Accounts.Created c = s.accounts().create(name, Role.parse(role), clearance, password,
                    ConsoleServices.actor(), null);
            out.println("created " + c.account().username() + " (" + c.account().role().label() + ", "
                    + c.account().clearance() + ")");
            if (c.oneTimePassword() != null) {
                out.println("one-time password: " + c.oneTimePassword());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
    static final class ListUsers extends Sub {
        @Override
        int run(ConsoleServices s, PrintWriter out) {
            Instant now = Instant.now();
            out.printf("%-20s %-9s %-10s %s%n", "NAME", "ROLE", "STATUS", "CLEARANCE");
            for (Account a : s.accounts().list()) {
                String status = a.locked() ? "locked" : a.isLockedAt(now) ? "lockout" : "active";
                out.printf("%-20s %-9s %-10s %s%n", a.username(), a.role().label(), status, a.clearance());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "set-clearance", mixinStandardHelpOptions = true, description = "Set an account's clearance.")
    static final class SetClearance extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "CLEARANCE")
        String clearance;

        @Override
        int run(ConsoleServices s, PrintWriter out) {
            out.println(name + ": " + s.accounts().setClearance(name, clearance, ConsoleServices.actor(), null));
            out.flush();
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Issue an API token for NAME and print it once (it is stored hashed).")
    static final class Token extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(ConsoleServices s, PrintWriter out) {
            Account a = s.accounts().byName(name)
                    .orElseThrow(() -> new AccountException("no account named '" + name + "'"));
            ApiTokens.Issued t = s.tokens().issue(a, ConsoleServices.actor());
            out.println("token id: " + t.id());
            out.println(t.token());
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke-token", mixinStandardHelpOptions = true,
            description = "Revoke one token by its id, or every token of an account by its name.")
    static final class RevokeToken extends Sub {
        @Parameters(index = "0", paramLabel = "NAME|TOKEN-ID")
        String target;

        @Override
        int run(ConsoleServices s, PrintWriter out) {
            int n = s.tokens().revoke(target, s.accounts(), ConsoleServices.actor());
            if (n == 0) {
                throw new AccountException("no active token matches '" + target + "'");
            }
            out.println("revoked " + n + " token(s)");
            out.flush();
            return 0;
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "Lock an account.")
    static final class Lock extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(ConsoleServices s, PrintWriter out) {
            s.accounts().setLocked(name, true, ConsoleServices.actor(), null);
            out.println(name + ": locked");
            out.flush();
            return 0;
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true,
            description = "Unlock an account (also ends an automatic lockout).")
    static final class Unlock extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        int run(ConsoleServices s, PrintWriter out) {
            s.accounts().setLocked(name, false, ConsoleServices.actor(), null);
            out.println(name + ": unlocked");
            out.flush();
            return 0;
        }
    }

    @Command(name = "set-certificate", mixinStandardHelpOptions = true,
            description = "Map a client certificate's subject DN to NAME (mutual TLS sign-in; replaces the account's "
                    + "previous subject).")
    static final class SetCertificate extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Option(names = "--subject", required = true, paramLabel = "DN",
                description = "The certificate subject, e.g. \"CN=Ann Analyst,OU=J2,O=Example\".")
        String subject;

        @Override
        int run(ConsoleServices s, PrintWriter out) {
            io.sextant.appliance.security.Account account = s.accounts().byName(name)
                    .orElseThrow(() -> new IllegalArgumentException("no account named " + name));
            String dn = io.sextant.appliance.admin.CertificateAccounts.open(s.database().dataSource(), s.audit(),
                    java.time.Clock.systemUTC()).set(account, subject, ConsoleServices.actor(), null);
            out.println(name + ": client certificate subject " + dn);
            out.flush();
            return 0;
        }
    }
}
