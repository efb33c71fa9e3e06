package dev.gregor.cli;

import dev.gregor.cli.internal.CloseOption;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Reports a mistyped command line in two lines, the error and where to read more, and exits 1. */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    // The full usage would push the one line that matters off the screen.
    err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
    if (!UnmatchedArgumentException.printSuggestions(e, err) && e instanceof UnmatchedArgumentException unmatched
        && unmatched.isUnknownOption()) {
      for (String typed : unmatched.getUnmatched()) {
        String close = CloseOption.to(typed, command.getCommandSpec().optionsMap().keySet());
        if (close != null) {
          err.println("Did you mean: " + close + "?");
          break;
        }
      }
    }
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return GregorCommand.EXIT_USAGE;
  }
}
