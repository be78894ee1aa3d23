package io.jray.runtime.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Object folders are deleted only for owners that are provably gone: the folder's lock is held by a
 * real second JVM while it lives, and only a dead process's folder goes (for this node's own cluster,
 * only once Redis has not listed the node on two steady sweeps).
 */
class DeadFolderSweeperTest {

    @TempDir
    Path base;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    /** Holds the lock of the folder given as argument until killed, as a node's process does. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            FolderLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private Process holdInAnotherJvm(Path folder) throws IOException {
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(folder.resolve(FolderLock.FILE))
                && !FolderLock.ownerGone(folder));
        return process;
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private DeadFolderSweeper sweeper(Path own) {
        return new DeadFolderSweeper(List.of(base.resolve("jray")), "cOurs", Set.of(own));
    }

    @Test
    void aFolderOfAnotherClusterGoesOnlyOnceItsProcessIsDead() throws Exception {
        Path own = base.resolve("jray/cOurs/me");
        Path theirs = base.resolve("jray/cTheirs/n1");
        Process other = holdInAnotherJvm(theirs);
        Files.writeString(theirs.resolve("j1-a"), "live object of another cluster");
        DeadFolderSweeper sweeper = sweeper(own);

        for (int i = 0; i < 3; i++) {
            assertThat(sweeper.sweep(nodes -> Set.of(), true)).isEmpty();
        }
        assertThat(theirs.resolve("j1-a")).exists();

        kill(other);
        assertThat(sweeper.sweep(nodes -> Set.of(), true)).containsExactly(theirs);
        assertThat(theirs).doesNotExist();
        assertThat(base.resolve("jray/cTheirs")).as("the emptied cluster folder").doesNotExist();
    }

    @Test
    void aDeadFolderOfThisClusterGoesAfterTwoSteadySweepsWithoutItsNodeInRedis() throws Exception {
        Path own = base.resolve("jray/cOurs/me");
        FolderLock mine = FolderLock.acquire(own);
        Path dead = base.resolve("jray/cOurs/n2");
        kill(holdInAnotherJvm(dead));
        DeadFolderSweeper sweeper = sweeper(own);

        assertThat(sweeper.sweep(nodes -> Set.copyOf(nodes), true)).as("still registered").isEmpty();
        assertThat(sweeper.sweep(nodes -> Set.of(), false)).as("Redis not steady: not counted").isEmpty();
        assertThat(sweeper.sweep(nodes -> Set.of(), true)).as("first sweep missing").isEmpty();
        assertThat(dead).exists();
        assertThat(sweeper.sweep(nodes -> Set.of(), true)).containsExactly(dead);
        assertThat(own).as("this node's own folder").exists();
        mine.release();
    }

    @Test
    void aFolderWithoutALockFileOrOfThisJvmIsNeverTakenForDead() throws Exception {
        Path own = base.resolve("jray/cOurs/me");
        Path creating = Files.createDirectories(base.resolve("jray/cTheirs/n3"));
        Path sameJvm = base.resolve("jray/cTheirs/n4");
        FolderLock held = FolderLock.acquire(sameJvm);
        DeadFolderSweeper sweeper = sweeper(own);

        for (int i = 0; i < 3; i++) {
            assertThat(sweeper.sweep(nodes -> Set.of(), true)).isEmpty();
        }
        assertThat(creating).exists();
        assertThat(sameJvm).exists();
        assertThat(FolderLock.ownerGone(sameJvm)).as("still held after being looked at").isFalse();
        held.release();
        assertThat(FolderLock.ownerGone(sameJvm)).isTrue();
    }

    @Test
    void anotherNamespaceIsNeverLookedAt() throws Exception {
        Path other = base.resolve("jray-x/cTheirs/n5");
        kill(holdInAnotherJvm(other));

        assertThat(sweeper(base.resolve("jray/cOurs/me")).sweep(nodes -> Set.of(), true)).isEmpty();
        assertThat(other).exists();
    }
}
