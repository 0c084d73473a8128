package mcollective.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in one STOMP connection's Netty pipeline in front of Artemis and keeps the connection within bounds:
 * <ul>
 *   <li>every inbound byte goes through a {@link StompFrameScanner} before Artemis sees it; a frame breaking a limit
 *       is answered with an ERROR frame naming the bound, and the connection is closed;</li>
 *   <li>a connection that has not logged in within the connect timeout gets an ERROR frame and is closed;</li>
 *   <li>a connection whose writes stay unflushed (the client stopped reading) for the write timeout is closed, so
 *       its subscriptions and the messages they hold are released.</li>
 * </ul>
 * Once it has refused a connection it drops whatever else arrives. All methods run on the channel's event loop.
 */
final class StompGuard extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StompGuard.class);

    private final StompFrameScanner scanner;
    private final BooleanSupplier authenticated;
    private final Duration connectTimeout;
    private final Duration writeTimeout;
    private final Optional<String> refuseAtOnce;
    private ScheduledFuture<?> connectDeadline;
    private ScheduledFuture<?> writeDeadline;
    private boolean refused;

    /**
     * @param limits         the frame bounds
     * @param authenticated  whether the connection has logged in
     * @param connectTimeout how long the client may take to log in
     * @param writeTimeout   how long the client may leave the broker's writes unread
     * @param refuseAtOnce   a reason to refuse the connection as soon as it is set up (connection limit reached)
     */
    StompGuard(
            FrameLimits limits,
            BooleanSupplier authenticated,
            Duration connectTimeout,
            Duration writeTimeout,
            Optional<String> refuseAtOnce) {
        this.scanner = new StompFrameScanner(limits, authenticated);
        this.authenticated = authenticated;
        this.connectTimeout = connectTimeout;
        this.writeTimeout = writeTimeout;
        this.refuseAtOnce = refuseAtOnce;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (refuseAtOnce.isPresent()) {
            refuse(ctx, refuseAtOnce.get());
            return;
        }
        connectDeadline = ctx.executor()
                .schedule(
                        () -> {
                            if (!authenticated.getAsBoolean()) {
                                refuse(
                                        ctx,
                                        "not logged in within " + connectTimeout.toSeconds()
                                                + " s (plugin.broker.connect_timeout)");
                            }
                        },
                        connectTimeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof ByteBuf bytes) {
            Optional<String> refusal = scanner.scan(bytes);
            if (refusal.isPresent()) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusal.get());
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            cancel(writeDeadline);
            writeDeadline = null;
        } else if (writeDeadline == null) {
            writeDeadline = ctx.executor()
                    .schedule(
                            () -> {
                                if (!ctx.channel().isWritable()) {
                                    LOG.warn(
                                            "Closing the STOMP connection from {}: it read nothing the broker sent for {} s"
                                                    + " (plugin.broker.write_timeout)",
                                            ctx.channel().remoteAddress(),
                                            writeTimeout.toSeconds());
                                    refused = true;
                                    ctx.close();
                                }
                            },
                            writeTimeout.toMillis(),
                            TimeUnit.MILLISECONDS);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel(connectDeadline);
        cancel(writeDeadline);
        ctx.fireChannelInactive();
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        if (refused) {
            return;
        }
        refused = true;
        cancel(connectDeadline);
        LOG.warn("Refusing the STOMP connection from {}: {}", ctx.channel().remoteAddress(), why);
        ctx.channel().config().setAutoRead(false);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(errorFrame(why))).addListener(ChannelFutureListener.CLOSE);
    }

    /** An ERROR frame carrying {@code why} in its {@code message} header and as its body. */
    static byte[] errorFrame(String why) {
        byte[] body = why.getBytes(StandardCharsets.UTF_8);
        String head = "ERROR\nmessage:" + why + "\ncontent-type:text/plain\ncontent-length:" + body.length + "\n\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[headBytes.length + body.length + 1];
        System.arraycopy(headBytes, 0, frame, 0, headBytes.length);
        System.arraycopy(body, 0, frame, headBytes.length, body.length);
        return frame;
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
