package dev.breakwater.gateway.policy.limits.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A Lua script of this package's resources, run by its SHA-1 ({@code EVALSHA}) and sent whole only
 * when the server does not know it (a restarted or flushed server): one round trip in the usual case.
 */
final class LuaScript {

    private final String text;
    private final String sha;

    private LuaScript(String text) {
        this.text = text;
        this.sha = hex("SHA-1", text);
    }

    /** The script of resource {@code name}, next to this class. */
    static LuaScript load(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(name + " cannot be read", e);
        }
    }

    /** Runs the script; the answer completes on Lettuce's I/O thread. */
    CompletableFuture<List<Long>> run(RedisAsyncCommands<String, String> commands, String[] keys, String[] args) {
        return commands.<List<Long>>evalsha(sha, ScriptOutputType.MULTI, keys, args)
                .toCompletableFuture()
                .handle((result, failure) -> {
                    if (failure != null && RedisConnector.cause(failure) instanceof RedisNoScriptException) {
                        return commands.<List<Long>>eval(text, ScriptOutputType.MULTI, keys, args).toCompletableFuture();
                    }
                    return failure != null ? CompletableFuture.<List<Long>>failedFuture(failure)
                            : CompletableFuture.completedFuture(result);
                })
                .thenCompose(next -> next);
    }

    /** The hex digest of {@code text}: SHA-1 names a script, SHA-256 shortens a long key. */
    static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }
}
