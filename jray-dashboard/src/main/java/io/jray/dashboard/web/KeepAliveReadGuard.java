package io.jray.dashboard.web;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Keeps a keep-alive HTTP/1.1 connection of the Reactor Netty server reading after each response.
 * Reactor Netty up to 1.3.8 (at least) stops reading a connection when a request that arrived while
 * the previous one was still finishing is then answered at once (reactor-netty#4347, #4361): the
 * next request on that connection is never answered, and a browser's page or a client waits until
 * it gives up. After the last part of each response is written, this asks the connection for one
 * more read, as Reactor Netty does itself on every other path; a read asked for twice is one read.
 * Remove it once the Reactor Netty in use re-arms that read ({@code KeepAliveReadGuardTests} tells).
 */
public final class KeepAliveReadGuard implements NettyServerCustomizer {

    /** The name of the handler in each connection's pipeline. */
    public static final String HANDLER = "jray.keepAliveReadGuard";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, HANDLER, new RearmReadAfterResponse());
            }
        });
    }

    private static final class RearmReadAfterResponse extends ChannelDuplexHandler {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
            if (message instanceof LastHttpContent) {
                ChannelPromise written = promise.unvoid();
                written.addListener((ChannelFutureListener) future -> {
                    if (future.isSuccess()) {
                        Channel channel = future.channel();
                        // why: after Reactor Netty's own completion of this response has run
                        channel.eventLoop().execute(() -> {
                            if (channel.isActive() && !channel.config().isAutoRead()) {
                                channel.read();
                            }
                        });
                    }
                });
                super.write(context, message, written);
            }
            else {
                super.write(context, message, promise);
            }
        }
    }
}
