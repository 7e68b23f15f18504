<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AutoCleanDialog</name>
    <message>
        <source>{action}: {effect}</source>
        <translation>{action}：{effect}</translation>
    </message>
    <message>
        <source>Auto-clean</source>
        <translation>自动清理</translation>
    </message>
    <message>
        <source>Clean automatically</source>
        <translation>自动清理内存</translation>
    </message>
    <message>
        <source>Now: {text}</source>
        <translation>当前：{text}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <source>Memory in use is above</source>
        <translation>使用中的内存高于</translation>
    </message>
    <message>
        <source>Standby is above</source>
        <translation>待机列表高于</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <source>The least time between two automatic cleans. When a clean does not bring memory below the threshold the wait doubles each time (up to the maximum) instead of cleaning in a loop.</source>
        <translation>两次自动清理之间的最短间隔。若一次清理未能使内存降到阈值以下，等待时间每次加倍（直到上限），而不是反复清理。</translation>
    </message>
    <message>
        <source>Wait at least</source>
        <translation>至少等待</translation>
    </message>
    <message>
        <source>Back off to at most</source>
        <translation>最多退避到</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>{text} — unavailable: {reason}</source>
        <translation>{text} — 不可用：{reason}</translation>
    </message>
    <message>
        <source>{text} — needs root for automatic cleans</source>
        <translation>{text} — 自动清理需要 root 权限</translation>
    </message>
</context>
<context>
    <name>AutoCleanLogView</name>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>经过</translation>
    </message>
    <message>
        <source>No automatic clean yet. Every decision auto-clean makes is listed here.</source>
        <translation>尚未自动清理。自动清理的每个决定都会列在这里。</translation>
    </message>
    <message>
        <source>Auto-clean: {text}</source>
        <translation>自动清理：{text}</translation>
    </message>
</context>
<context>
    <name>AutoCleanUI</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Auto-clean</source>
        <translation>自动清理(&amp;A)</translation>
    </message>
    <message>
        <source>Auto-clean &amp;settings…</source>
        <translation>自动清理设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Auto-clean log</source>
        <translation>自动清理日志</translation>
    </message>
    <message>
        <source>Auto-clean &amp;log</source>
        <translation>自动清理日志(&amp;L)</translation>
    </message>
    <message>
        <source>Auto-clean: {short}</source>
        <translation>自动清理：{short}</translation>
    </message>
    <message>
        <source>Auto-clean: {text}</source>
        <translation>自动清理：{text}</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare {a_name} → {b_name}</source>
        <translation>比较 {a_name} → {b_name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{a_name}&lt;/b&gt; → &lt;b&gt;{b_name}&lt;/b&gt;, {seconds:.1f} min {direction}</source>
        <translation>&lt;b&gt;{a_name}&lt;/b&gt; → &lt;b&gt;{b_name}&lt;/b&gt;，{direction} {seconds:.1f} 分钟</translation>
    </message>
    <message>
        <source>later</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>earlier</source>
        <translation>之前</translation>
    </message>
    <message>
        <source> — &lt;span style=&apos;color:#b3261e&apos;&gt;different machines&lt;/span&gt;</source>
        <translation> — &lt;span style=&apos;color:#b3261e&apos;&gt;不同的机器&lt;/span&gt;</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Processes: {counts}</source>
        <translation>进程：{counts}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Working set change</source>
        <translation>工作集变化</translation>
    </message>
    <message>
        <source> ({count} without memory of their own, e.g. kernel threads, not listed)</source>
        <translation>（另有 {count} 个没有自身内存的进程，例如内核线程，未列出）</translation>
    </message>
    <message>
        <source>Files: not compared — both snapshots need the files in memory</source>
        <translation>文件：未比较 — 两个快照都需要包含内存中的文件</translation>
    </message>
    <message>
        <source>File › Include the files in memory, then Save snapshot</source>
        <translation>文件 › 包含内存中的文件，然后保存快照</translation>
    </message>
    <message>
        <source>Files: {counts}</source>
        <translation>文件：{counts}</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Cached change</source>
        <translation>缓存变化</translation>
    </message>
</context>
<context>
    <name>ComparePicker</name>
    <message>
        <source>Compare snapshots</source>
        <translation>比较快照</translation>
    </message>
    <message>
        <source>Compare with this machine now</source>
        <translation>与本机当前状态比较</translation>
    </message>
    <message>
        <source>Snapshot A</source>
        <translation>快照 A</translation>
    </message>
    <message>
        <source>Snapshot B</source>
        <translation>快照 B</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a snapshot</source>
        <translation>选择快照</translation>
    </message>
</context>
<context>
    <name>DetailInfo</name>
    <message>
        <source>Totals</source>
        <translation>总量</translation>
    </message>
    <message>
        <source>Page cache</source>
        <translation>页面缓存</translation>
    </message>
    <message>
        <source>Process memory</source>
        <translation>进程内存</translation>
    </message>
    <message>
        <source>Kernel memory</source>
        <translation>内核内存</translation>
    </message>
    <message>
        <source>Swap and commit</source>
        <translation>交换与提交</translation>
    </message>
    <message>
        <source>Huge pages</source>
        <translation>大页</translation>
    </message>
    <message>
        <source>Free memory</source>
        <translation>空闲内存</translation>
    </message>
    <message>
        <source>Reclaim and compaction (counts since boot)</source>
        <translation>回收与规整（开机以来的次数）</translation>
    </message>
    <message>
        <source>Usable RAM</source>
        <translation>可用物理内存</translation>
    </message>
    <message>
        <source>Physical RAM less what firmware and the kernel image reserve.</source>
        <translation>物理内存减去固件和内核映像保留的部分。</translation>
    </message>
    <message>
        <source>Free (buddy allocator)</source>
        <translation>空闲（伙伴分配器）</translation>
    </message>
    <message>
        <source>Pages on the buddy allocator&apos;s free lists (NR_FREE_PAGES).</source>
        <translation>伙伴分配器空闲列表上的页面（NR_FREE_PAGES）。</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>The kernel&apos;s estimate of memory a new program can get without swapping: free memory plus the page cache and slab it could reclaim.</source>
        <translation>内核估计新程序无需交换即可获得的内存：空闲内存加上它可回收的页面缓存和 slab。</translation>
    </message>
    <message>
        <source>Block device buffers</source>
        <translation>块设备缓冲区</translation>
    </message>
    <message>
        <source>Page cache of raw block devices (file system metadata).</source>
        <translation>原始块设备的页面缓存（文件系统元数据）。</translation>
    </message>
    <message>
        <source>File contents cached in memory, shared memory (Shmem) included.</source>
        <translation>缓存在内存中的文件内容，包括共享内存（Shmem）。</translation>
    </message>
    <message>
        <source>Swap cache</source>
        <translation>交换缓存</translation>
    </message>
    <message>
        <source>Pages swapped back in that still have a copy in swap.</source>
        <translation>已换入但在交换区中仍有副本的页面。</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>tmpfs files and shared anonymous memory: never dropped, only swapped.</source>
        <translation>tmpfs 文件和共享匿名内存：从不丢弃，只会被换出。</translation>
    </message>
    <message>
        <source>Active file pages</source>
        <translation>活动文件页</translation>
    </message>
    <message>
        <source>File pages used recently: reclaimed last.</source>
        <translation>最近使用过的文件页：最后回收。</translation>
    </message>
    <message>
        <source>Inactive file pages</source>
        <translation>非活动文件页</translation>
    </message>
    <message>
        <source>File pages not used lately: reclaimed first.</source>
        <translation>近来未使用的文件页：最先回收。</translation>
    </message>
    <message>
        <source>Active anonymous pages</source>
        <translation>活动匿名页</translation>
    </message>
    <message>
        <source>Process memory used recently.</source>
        <translation>最近使用过的进程内存。</translation>
    </message>
    <message>
        <source>Inactive anonymous pages</source>
        <translation>非活动匿名页</translation>
    </message>
    <message>
        <source>Process memory not used lately: swapped first.</source>
        <translation>近来未使用的进程内存：最先换出。</translation>
    </message>
    <message>
        <source>Anonymous pages</source>
        <translation>匿名页</translation>
    </message>
    <message>
        <source>Process heaps, stacks and private data (not file-backed).</source>
        <translation>进程的堆、栈和私有数据（不由文件支持）。</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <source>File pages mapped into processes (libraries, mmap&apos;d files).</source>
        <translation>映射到进程中的文件页（库、mmap 映射的文件）。</translation>
    </message>
    <message>
        <source>Dirty</source>
        <translation>脏页</translation>
    </message>
    <message>
        <source>File pages changed in memory and waiting to be written to disk.</source>
        <translation>在内存中被修改、等待写入磁盘的文件页。</translation>
    </message>
    <message>
        <source>Being written back</source>
        <translation>正在回写</translation>
    </message>
    <message>
        <source>Dirty pages being written to disk now.</source>
        <translation>正在写入磁盘的脏页。</translation>
    </message>
    <message>
        <source>FUSE write-back buffers</source>
        <translation>FUSE 回写缓冲区</translation>
    </message>
    <message>
        <source>Temporary buffers of FUSE file systems being written.</source>
        <translation>FUSE 文件系统正在写入的临时缓冲区。</translation>
    </message>
    <message>
        <source>Slab</source>
        <translation>Slab</translation>
    </message>
    <message>
        <source>The kernel&apos;s object caches: SReclaimable + SUnreclaim.</source>
        <translation>内核的对象缓存：SReclaimable + SUnreclaim。</translation>
    </message>
    <message>
        <source>Slab, reclaimable</source>
        <translation>Slab，可回收</translation>
    </message>
    <message>
        <source>Slab the kernel can free under pressure (dentries, inodes).</source>
        <translation>内核在内存紧张时可释放的 slab（目录项、inode）。</translation>
    </message>
    <message>
        <source>Slab, unreclaimable</source>
        <translation>Slab，不可回收</translation>
    </message>
    <message>
        <source>Slab in use by the kernel that cannot be freed.</source>
        <translation>内核正在使用、无法释放的 slab。</translation>
    </message>
    <message>
        <source>Kernel reclaimable</source>
        <translation>内核可回收</translation>
    </message>
    <message>
        <source>Kernel memory the kernel can free under pressure: SReclaimable plus other reclaimable caches.</source>
        <translation>内核在内存紧张时可释放的内核内存：SReclaimable 加上其他可回收缓存。</translation>
    </message>
    <message>
        <source>Kernel stacks</source>
        <translation>内核栈</translation>
    </message>
    <message>
        <source>One stack per thread, for its time in the kernel.</source>
        <translation>每个线程一个栈，供其在内核中运行时使用。</translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation>页表</translation>
    </message>
    <message>
        <source>The tables mapping processes&apos; virtual addresses to pages.</source>
        <translation>把进程虚拟地址映射到页面的表。</translation>
    </message>
    <message>
        <source>Secondary page tables</source>
        <translation>二级页表</translation>
    </message>
    <message>
        <source>Page tables of virtual machines (KVM) and IOMMUs, kept apart from the processes&apos; own.</source>
        <translation>虚拟机（KVM）和 IOMMU 的页表，与进程自己的页表分开。</translation>
    </message>
    <message>
        <source>vmalloc</source>
        <translation>vmalloc</translation>
    </message>
    <message>
        <source>Virtually contiguous kernel allocations (modules, large buffers).</source>
        <translation>虚拟地址连续的内核分配（模块、大缓冲区）。</translation>
    </message>
    <message>
        <source>Per-CPU allocations</source>
        <translation>每 CPU 分配</translation>
    </message>
    <message>
        <source>Kernel data kept once per CPU.</source>
        <translation>内核为每个 CPU 各保存一份的数据。</translation>
    </message>
    <message>
        <source>Unevictable</source>
        <translation>不可逐出</translation>
    </message>
    <message>
        <source>Pages that can be neither swapped nor dropped (mlock, ramfs).</source>
        <translation>既不能换出也不能丢弃的页面（mlock、ramfs）。</translation>
    </message>
    <message>
        <source>Locked (mlock)</source>
        <translation>已锁定（mlock）</translation>
    </message>
    <message>
        <source>Pages programs locked in memory with mlock().</source>
        <translation>程序用 mlock() 锁定在内存中的页面。</translation>
    </message>
    <message>
        <source>Swap size</source>
        <translation>交换区大小</translation>
    </message>
    <message>
        <source>All swap space (files and partitions, zram included).</source>
        <translation>全部交换空间（文件和分区，包括 zram）。</translation>
    </message>
    <message>
        <source>Swap free</source>
        <translation>交换区空闲</translation>
    </message>
    <message>
        <source>Swap space not in use.</source>
        <translation>未使用的交换空间。</translation>
    </message>
    <message>
        <source>Commit limit</source>
        <translation>提交限制</translation>
    </message>
    <message>
        <source>What the kernel lets programs allocate when overcommit is strict (vm.overcommit_memory = 2).</source>
        <translation>严格过量提交时（vm.overcommit_memory = 2）内核允许程序分配的内存量。</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Memory programs have allocated, whether touched yet or not.</source>
        <translation>程序已分配的内存，无论是否已实际访问。</translation>
    </message>
    <message>
        <source>Transparent huge pages</source>
        <translation>透明大页</translation>
    </message>
    <message>
        <source>Anonymous memory backed by transparent huge pages.</source>
        <translation>由透明大页支持的匿名内存。</translation>
    </message>
    <message>
        <source>HugeTLB memory</source>
        <translation>HugeTLB 内存</translation>
    </message>
    <message>
        <source>Memory reserved for huge pages of every size.</source>
        <translation>为各种尺寸的大页保留的内存。</translation>
    </message>
    <message>
        <source>Huge pages reserved</source>
        <translation>保留的大页</translation>
    </message>
    <message>
        <source>The pool of default-size huge pages (vm.nr_hugepages).</source>
        <translation>默认尺寸大页的池（vm.nr_hugepages）。</translation>
    </message>
    <message>
        <source>Huge pages free</source>
        <translation>空闲大页</translation>
    </message>
    <message>
        <source>Huge pages of the pool not yet used.</source>
        <translation>池中尚未使用的大页。</translation>
    </message>
    <message>
        <source>Free pages (vmstat)</source>
        <translation>空闲页面（vmstat）</translation>
    </message>
    <message>
        <source>The kernel&apos;s own count of pages on the buddy free lists.</source>
        <translation>内核自己统计的伙伴空闲列表上的页面数。</translation>
    </message>
    <message>
        <source>Free blocks (buddyinfo)</source>
        <translation>空闲块（buddyinfo）</translation>
    </message>
    <message>
        <source>The free blocks /proc/buddyinfo lists, all zones.</source>
        <translation>/proc/buddyinfo 列出的空闲块，所有区域合计。</translation>
    </message>
    <message>
        <source>Free but not in the buddy allocator</source>
        <translation>空闲但不在伙伴分配器中</translation>
    </message>
    <message>
        <source>MemFree less the buddy free blocks: memory counted free before the kernel has initialised it (deferred struct page initialisation, common on virtual machines).</source>
        <translation>MemFree 减去伙伴空闲块：内核完成初始化之前就计为空闲的内存（延迟的 struct page 初始化，在虚拟机上很常见）。</translation>
    </message>
    <message>
        <source>On per-CPU free lists</source>
        <translation>在每 CPU 空闲列表上</translation>
    </message>
    <message>
        <source>Free pages each CPU keeps for quick reuse (/proc/zoneinfo pagesets). MemFree does not count them; RAMLens counts them as Free. Purging the standby list frees many pages through these lists.</source>
        <translation>每个 CPU 为快速重用而保留的空闲页面（/proc/zoneinfo 的 pagesets）。MemFree 不计入它们；RAMLens 把它们计为空闲。清空待机列表时，许多页面经由这些列表被释放。</translation>
    </message>
    <message>
        <source>Kernel, accounted</source>
        <translation>内核，已统计</translation>
    </message>
    <message>
        <source>Slab + KernelStack + PageTables + SecPageTables + VmallocUsed + Percpu: the in-use part named Kernel.</source>
        <translation>Slab + KernelStack + PageTables + SecPageTables + VmallocUsed + Percpu：使用中名为“内核”的部分。</translation>
    </message>
    <message>
        <source>Refaults, anonymous</source>
        <translation>重新缺页，匿名</translation>
    </message>
    <message>
        <source>Swapped-out pages needed again soon after: a sign memory is short.</source>
        <translation>换出后不久又被需要的页面：内存不足的迹象。</translation>
    </message>
    <message>
        <source>Refaults, file</source>
        <translation>重新缺页，文件</translation>
    </message>
    <message>
        <source>Dropped file pages read from disk again soon after: the cost of a too-small cache (or of purging).</source>
        <translation>被丢弃后不久又从磁盘读回的文件页：缓存太小（或清空缓存）的代价。</translation>
    </message>
    <message>
        <source>Page cache drops</source>
        <translation>页面缓存丢弃次数</translation>
    </message>
    <message>
        <source>Writes of 1 or 3 to /proc/sys/vm/drop_caches.</source>
        <translation>向 /proc/sys/vm/drop_caches 写入 1 或 3 的次数。</translation>
    </message>
    <message>
        <source>Slab drops</source>
        <translation>Slab 丢弃次数</translation>
    </message>
    <message>
        <source>Writes of 2 or 3 to /proc/sys/vm/drop_caches.</source>
        <translation>向 /proc/sys/vm/drop_caches 写入 2 或 3 的次数。</translation>
    </message>
    <message>
        <source>Compaction stalls</source>
        <translation>规整停顿</translation>
    </message>
    <message>
        <source>Allocations that waited for compaction.</source>
        <translation>等待规整的内存分配。</translation>
    </message>
    <message>
        <source>Compaction failures</source>
        <translation>规整失败</translation>
    </message>
    <message>
        <source>Stalled compactions that found no free block.</source>
        <translation>未找到空闲块的停顿规整。</translation>
    </message>
    <message>
        <source>Compaction successes</source>
        <translation>规整成功</translation>
    </message>
    <message>
        <source>Stalled compactions that freed a block.</source>
        <translation>释放出空闲块的停顿规整。</translation>
    </message>
    <message>
        <source>Pages scanned to move</source>
        <translation>为迁移而扫描的页面</translation>
    </message>
    <message>
        <source>Pages compaction looked at to migrate.</source>
        <translation>规整为迁移而检查的页面。</translation>
    </message>
    <message>
        <source>Pages scanned for room</source>
        <translation>为寻找空间而扫描的页面</translation>
    </message>
    <message>
        <source>Free pages compaction looked at as targets.</source>
        <translation>规整作为目标检查的空闲页面。</translation>
    </message>
    <message>
        <source>Pages isolated</source>
        <translation>已隔离的页面</translation>
    </message>
    <message>
        <source>Pages compaction took aside to migrate.</source>
        <translation>规整为迁移而取出的页面。</translation>
    </message>
    <message>
        <source>Pages migrated</source>
        <translation>已迁移的页面</translation>
    </message>
    <message>
        <source>Pages moved to another place in RAM.</source>
        <translation>移动到内存中其他位置的页面。</translation>
    </message>
    <message>
        <source>Migrations failed</source>
        <translation>迁移失败</translation>
    </message>
    <message>
        <source>Pages that could not be moved.</source>
        <translation>无法移动的页面。</translation>
    </message>
    <message>
        <source>Commit (virtual memory promised to programs)</source>
        <translation>提交（承诺给程序的虚拟内存）</translation>
    </message>
    <message>
        <source>File cache</source>
        <translation>文件缓存</translation>
    </message>
    <message>
        <source>Page files</source>
        <translation>页面文件</translation>
    </message>
    <message>
        <source>Memory compression</source>
        <translation>内存压缩</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Virtual memory programs and the system have been promised.</source>
        <translation>已承诺给程序和系统的虚拟内存。</translation>
    </message>
    <message>
        <source>The most that can be committed: RAM plus the page files&apos; current size.</source>
        <translation>可提交的上限：物理内存加上页面文件的当前大小。</translation>
    </message>
    <message>
        <source>Commit peak</source>
        <translation>提交峰值</translation>
    </message>
    <message>
        <source>The highest commit since boot.</source>
        <translation>开机以来的最高提交量。</translation>
    </message>
    <message>
        <source>Paged pool</source>
        <translation>分页池</translation>
    </message>
    <message>
        <source>Kernel memory that may be written to the page file.</source>
        <translation>可以写入页面文件的内核内存。</translation>
    </message>
    <message>
        <source>Non-paged pool</source>
        <translation>非分页池</translation>
    </message>
    <message>
        <source>Kernel memory that must stay in RAM.</source>
        <translation>必须留在物理内存中的内核内存。</translation>
    </message>
    <message>
        <source>System cache</source>
        <translation>系统缓存</translation>
    </message>
    <message>
        <source>GetPerformanceInfo&apos;s system cache: the file cache&apos;s standby and in-use pages.</source>
        <translation>GetPerformanceInfo 的系统缓存：文件缓存的待机页面和使用中页面。</translation>
    </message>
    <message>
        <source>File cache working set</source>
        <translation>文件缓存工作集</translation>
    </message>
    <message>
        <source>The system file cache&apos;s resident pages.</source>
        <translation>系统文件缓存的驻留页面。</translation>
    </message>
    <message>
        <source>File cache peak</source>
        <translation>文件缓存峰值</translation>
    </message>
    <message>
        <source>The file cache working set&apos;s highest size.</source>
        <translation>文件缓存工作集的最大大小。</translation>
    </message>
    <message>
        <source>File cache resident</source>
        <translation>文件缓存驻留</translation>
    </message>
    <message>
        <source>The counter \Memory\System Cache Resident Bytes (limited view).</source>
        <translation>计数器 \Memory\System Cache Resident Bytes（受限视图）。</translation>
    </message>
    <message>
        <source>How many page files are in use.</source>
        <translation>正在使用的页面文件数量。</translation>
    </message>
    <message>
        <source>Page file size</source>
        <translation>页面文件大小</translation>
    </message>
    <message>
        <source>All page files&apos; current size together.</source>
        <translation>所有页面文件当前大小的总和。</translation>
    </message>
    <message>
        <source>Page file in use</source>
        <translation>页面文件使用量</translation>
    </message>
    <message>
        <source>What the page files hold now.</source>
        <translation>页面文件当前容纳的数据量。</translation>
    </message>
    <message>
        <source>Page file peak</source>
        <translation>页面文件峰值</translation>
    </message>
    <message>
        <source>The most the page files have held.</source>
        <translation>页面文件曾容纳的最大数据量。</translation>
    </message>
    <message>
        <source>Compression store (in RAM)</source>
        <translation>内存压缩存储（物理内存中）</translation>
    </message>
    <message>
        <source>RAM the memory compression store occupies (part of In use): compressed pages of other programs.</source>
        <translation>内存压缩存储占用的物理内存（属于使用中）：其他程序的压缩页面。</translation>
    </message>
    <message>
        <source>Store size read from</source>
        <translation>存储大小读取自</translation>
    </message>
    <message>
        <source>store: the store&apos;s own statistics; process: its working set.</source>
        <translation>store：存储自身的统计；process：其工作集。</translation>
    </message>
    <message>
        <source>Data compressed</source>
        <translation>已压缩数据</translation>
    </message>
    <message>
        <source>How much uncompressed data the store holds in that RAM.</source>
        <translation>存储在这些物理内存中保存的未压缩数据量。</translation>
    </message>
    <message>
        <source>Standby lifetime</source>
        <translation>待机寿命</translation>
    </message>
    <message>
        <source>How long a page stays on the standby list before being reused, on average (long-term): short means memory is tight.</source>
        <translation>页面在被重用之前平均停留在待机列表上的时间（长期）：时间短说明内存紧张。</translation>
    </message>
    <message>
        <source>Windows version</source>
        <translation>Windows 版本</translation>
    </message>
    <message>
        <source>The Windows build RAMLens runs on.</source>
        <translation>RAMLens 运行所在的 Windows 版本。</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Unit: bytes (shown in KiB, MiB, GiB: powers of 1024)</source>
        <translation>单位：字节（以 KiB、MiB、GiB 显示：1024 的幂）</translation>
    </message>
    <message>
        <source>Unit: pages of {page_size} bytes</source>
        <translation>单位：每页 {page_size} 字节的页面</translation>
    </message>
    <message>
        <source>Unit: seconds</source>
        <translation>单位：秒</translation>
    </message>
    <message>
        <source>Unit: a count</source>
        <translation>单位：计数</translation>
    </message>
</context>
<context>
    <name>ElevationBar</name>
    <message>
        <source>Restart as administrator</source>
        <translation>以管理员身份重新启动</translation>
    </message>
    <message>
        <source>Hide this notice</source>
        <translation>隐藏此提示</translation>
    </message>
</context>
<context>
    <name>EmptyMenu</name>
    <message>
        <source>&amp;Empty</source>
        <translation>清理(&amp;E)</translation>
    </message>
    <message>
        <source>{action} — running…</source>
        <translation>{action} — 正在运行…</translation>
    </message>
    <message>
        <source>{action} — waiting</source>
        <translation>{action} — 等待中</translation>
    </message>
</context>
<context>
    <name>FileScanProgress</name>
    <message>
        <source>Finding the files in memory…</source>
        <translation>正在查找内存中的文件…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Save snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <source>Finding the files in memory… {count} files looked at</source>
        <translation>正在查找内存中的文件… 已检查 {count} 个文件</translation>
    </message>
</context>
<context>
    <name>FilesView</name>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>Dirty</source>
        <translation>脏页</translation>
    </message>
    <message>
        <source>Writeback</source>
        <translation>正在回写</translation>
    </message>
    <message>
        <source>Evicted</source>
        <translation>已逐出</translation>
    </message>
    <message>
        <source>Recently evicted</source>
        <translation>最近逐出</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Of file</source>
        <translation>占文件</translation>
    </message>
    <message>
        <source>Scan processes and file systems</source>
        <translation>扫描进程和文件系统</translation>
    </message>
    <message>
        <source>The files processes map or hold open, then every local file system (not /proc, /sys, /dev, network or pseudo file systems)</source>
        <translation>先扫描进程映射或打开的文件，再扫描每个本地文件系统（不含 /proc、/sys、/dev、网络文件系统和伪文件系统）</translation>
    </message>
    <message>
        <source>Scan folder…</source>
        <translation>扫描文件夹…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Press Scan to find the files whose pages are in memory.</source>
        <translation>点击“扫描”查找页面位于内存中的文件。</translation>
    </message>
    <message>
        <source>Filter by path…</source>
        <translation>按路径筛选…</translation>
    </message>
    <message>
        <source>Scanning {what}…</source>
        <translation>正在扫描{what}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Evicting {n_paths} item(s) from the page cache…</source>
        <translation>正在从页面缓存中逐出 {n_paths} 项…</translation>
    </message>
    <message>
        <source>Standby {before} → {after} on the whole machine (other programs change it too)</source>
        <translation>全机待机列表 {before} → {after}（其他程序也会改变它）</translation>
    </message>
    <message>
        <source>Scanning… {done:,} of about {expected:,} files</source>
        <translation>正在扫描… 约 {expected:,} 个文件中的 {done:,} 个</translation>
    </message>
    <message>
        <source>Scanning… {done:,} files</source>
        <translation>正在扫描… {done:,} 个文件</translation>
    </message>
    <message>
        <source>The scan failed: {message}</source>
        <translation>扫描失败：{message}</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled: partial results</source>
        <translation>已取消：部分结果</translation>
    </message>
    <message>
        <source> · {count:,} files not ours to measure</source>
        <translation> · {count:,} 个文件无权测量</translation>
    </message>
    <message>
        <source>{examined:,} files looked at in {elapsed:.1f} s by {method} ({state}) at {time}{refused}</source>
        <translation>{time} 用 {method}（{state}）在 {elapsed:.1f} 秒内检查了 {examined:,} 个文件{refused}</translation>
    </message>
    <message>
        <source>Evicted {n_results} file(s): {moved} left the page cache, {kept} kept (mapped, locked or dirty)</source>
        <translation>已逐出 {n_results} 个文件：{moved} 离开了页面缓存，{kept} 保留（已映射、已锁定或为脏页）</translation>
    </message>
    <message>
        <source> · {n_errors} failed: {errors}</source>
        <translation> · {n_errors} 个失败：{errors}</translation>
    </message>
    <message>
        <source>Reading the lists again…</source>
        <translation>正在重新读取列表…</translation>
    </message>
    <message>
        <source>Evict from cache ({n_paths} selected)</source>
        <translation>从缓存中逐出（已选 {n_paths} 项）</translation>
    </message>
    <message>
        <source>Drop their clean pages from memory (dirty pages are written first)</source>
        <translation>从内存中丢弃它们的干净页面（脏页会先写回）</translation>
    </message>
    <message>
        <source>{count} file(s)</source>
        <translation>{count} 个文件</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>FragmentationView</name>
    <message>
        <source>Node {node} {zone}</source>
        <translation>节点 {node} {zone}</translation>
    </message>
    <message>
        <source>Free memory by block size: darker cells hold more of the zone&apos;s free memory</source>
        <translation>按块大小划分的空闲内存：颜色越深的单元格占该区域空闲内存越多</translation>
    </message>
    <message>
        <source>Free blocks by size (order · block) per zone: blocks · memory they hold</source>
        <translation>各区域按大小（阶 · 块）划分的空闲块：块数 · 所占内存</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>阶</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块大小</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>块数</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Unusable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Fragm.</source>
        <translation>碎片</translation>
    </message>
    <message>
        <source>Unusable free index: share of free memory in blocks too small for this order.
Fragmentation index: near 0 = a failure would be for lack of memory, near 1 = for fragmentation;
-1.000 = an allocation of this order would succeed now (mm/vmstat.c).</source>
        <translation>不可用空闲指数：空闲内存中位于比该阶更小的块里的比例。
碎片指数：接近 0 = 分配失败是因为内存不足，接近 1 = 是因为碎片；
-1.000 = 该阶的分配现在会成功（mm/vmstat.c）。</translation>
    </message>
    <message>
        <source>The kernel&apos;s indices per order</source>
        <translation>内核按阶给出的指数</translation>
    </message>
    <message>
        <source>Zone:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>index</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>seconds since the window opened</source>
        <translation>窗口打开后的秒数</translation>
    </message>
    <message>
        <source>Fragmentation index at the huge-page order over time</source>
        <translation>大页阶的碎片指数随时间变化</translation>
    </message>
    <message>
        <source>Solid: fragmentation index (−1 = a block of this size is free now; above the red line the kernel compacts). Dotted: unusable free index (share of free memory in smaller blocks).</source>
        <translation>实线：碎片指数（−1 = 现在有这种大小的空闲块；高于红线时内核会进行规整）。虚线：不可用空闲指数（空闲内存中位于更小块里的比例）。</translation>
    </message>
    <message>
        <source>Compact now</source>
        <translation>立即规整</translation>
    </message>
    <message>
        <source>Compaction counters</source>
        <translation>规整计数器</translation>
    </message>
    <message>
        <source>Migrate types</source>
        <translation>迁移类型</translation>
    </message>
    <message>
        <source>Run the Compact memory action (compact_memory) and compare before/after</source>
        <translation>执行“规整内存”操作（compact_memory）并比较前后变化</translation>
    </message>
    <message>
        <source>Compaction migrates movable pages so that free memory forms large contiguous blocks (what huge pages and some drivers need). The indices and the free blocks are read just before and after it runs and compared here.</source>
        <translation>规整会迁移可移动页面，使空闲内存形成大的连续块（大页和某些驱动程序需要）。在运行前后立即读取指数和空闲块，并在此比较。</translation>
    </message>
    <message>
        <source>free blocks</source>
        <translation>空闲块</translation>
    </message>
    <message>
        <source>order (allocation of 2^order pages)</source>
        <translation>阶（分配 2^阶 个页面）</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>计数器</translation>
    </message>
    <message>
        <source>Since the window opened</source>
        <translation>窗口打开以来</translation>
    </message>
    <message>
        <source>Total since boot</source>
        <translation>开机以来总计</translation>
    </message>
    <message>
        <source>/proc/vmstat compaction counters</source>
        <translation>/proc/vmstat 中的规整计数器</translation>
    </message>
    <message>
        <source>Read migrate types</source>
        <translation>读取迁移类型</translation>
    </message>
    <message>
        <source>Read /proc/pagetypeinfo once (root; expensive for the kernel, so not polled)</source>
        <translation>读取一次 /proc/pagetypeinfo（需要 root；对内核开销较大，因此不轮询）</translation>
    </message>
    <message>
        <source>Free blocks split by migrate type, from /proc/pagetypeinfo (root).</source>
        <translation>按迁移类型划分的空闲块，来自 /proc/pagetypeinfo（需要 root）。</translation>
    </message>
    <message>
        <source>Cannot read fragmentation: {exc}</source>
        <translation>无法读取碎片信息：{exc}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Huge-page order {huge_order}&lt;/b&gt; ({page} blocks) · the kernel compacts a zone whose fragmentation index exceeds &lt;b&gt;{threshold}&lt;/b&gt; (extfrag_threshold)&lt;br&gt;MemFree &lt;b&gt;{memfree_bytes}&lt;/b&gt; · in the buddy allocator&apos;s free blocks &lt;b&gt;{buddy_free_bytes}&lt;/b&gt; · difference &lt;b&gt;{diff}&lt;/b&gt;: &lt;span style=&apos;color:#555&apos;&gt;{meaning}&lt;/span&gt;</source>
        <translation>&lt;b&gt;大页阶 {huge_order}&lt;/b&gt;（{page} 块）· 区域的碎片指数超过 &lt;b&gt;{threshold}&lt;/b&gt;（extfrag_threshold）时内核会规整该区域&lt;br&gt;MemFree &lt;b&gt;{memfree_bytes}&lt;/b&gt; · 伙伴分配器的空闲块 &lt;b&gt;{buddy_free_bytes}&lt;/b&gt; · 差值 &lt;b&gt;{diff}&lt;/b&gt;：&lt;span style=&apos;color:#555&apos;&gt;{meaning}&lt;/span&gt;</translation>
    </message>
    <message>
        <source>above extfrag_threshold: the kernel would compact this zone for this order</source>
        <translation>高于 extfrag_threshold：内核会为该阶规整此区域</translation>
    </message>
    <message>
        <source>Fragmentation at order {huge_order} ({block} blocks) over time</source>
        <translation>阶 {huge_order}（{block} 块）的碎片随时间变化</translation>
    </message>
    <message>
        <source>Compact memory is unavailable: {reason}</source>
        <translation>规整内存不可用：{reason}</translation>
    </message>
    <message>
        <source>Compaction queued…</source>
        <translation>规整已排队…</translation>
    </message>
    <message>
        <source>Compacting… (the kernel migrates movable pages)</source>
        <translation>正在规整…（内核正在迁移可移动页面）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Compaction failed:&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;规整失败：&lt;/b&gt;{message}</translation>
    </message>
    <message>
        <source>{name}: free blocks per order, before (grey) and after (green)</source>
        <translation>{name}：各阶空闲块，之前（灰色）与之后（绿色）</translation>
    </message>
    <message>
        <source>Read at {time} · pageblock order {pageblock_order} ({pages_per_block} pages); empty free lists are left out.</source>
        <translation>读取于 {time} · 页块阶 {pageblock_order}（{pages_per_block} 个页面）；省略空的空闲链表。</translation>
    </message>
    <message>
        <source>Fragmentation</source>
        <translation>碎片</translation>
    </message>
</context>
<context>
    <name>FramesView</name>
    <message>
        <source>Physical address, e.g. 0x100000 (or click the map)</source>
        <translation>物理地址，例如 0x100000（或点击内存图）</translation>
    </message>
    <message>
        <source>Read {limit:,} frames</source>
        <translation>读取 {limit:,} 个页框</translation>
    </message>
    <message>
        <source>Filter by list, use or process (e.g. Standby, Mapped file, 4242)</source>
        <translation>按列表、用途或进程筛选（例如 待机、映射文件、4242）</translation>
    </message>
    <message>
        <source>Physical address</source>
        <translation>物理地址</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Type an address or click the map to list the frames there.</source>
        <translation>输入地址或点击内存图，列出该处的页框。</translation>
    </message>
    <message>
        <source>“{text}” is not an address: give a number such as 0x100000 or 1048576.</source>
        <translation>“{text}”不是地址：请输入数字，例如 0x100000 或 1048576。</translation>
    </message>
    <message>
        <source>An address is 0 or more.</source>
        <translation>地址必须大于或等于 0。</translation>
    </message>
    <message>
        <source>The frames could not be read: {exc}</source>
        <translation>无法读取页框：{exc}</translation>
    </message>
    <message>
        <source>{n_rows:,} frames of RAM from {span}.</source>
        <translation>从 {span} 起的 {n_rows:,} 个内存页框。</translation>
    </message>
    <message>
        <source>No RAM there: the address lies outside every physical range.</source>
        <translation>该处没有内存：地址不在任何物理地址范围内。</translation>
    </message>
</context>
<context>
    <name>HelperSetupUI</name>
    <message>
        <source>Don&apos;t ask for a password in my desktop session</source>
        <translation>在我的桌面会话中不再询问密码</translation>
    </message>
    <message>
        <source>If you tick this, anyone using this computer&apos;s active desktop session can empty memory without a password; otherwise an administrator password is asked once and kept for a few minutes.</source>
        <translation>勾选后，任何使用本机当前活动桌面会话的人都可以无需密码清理内存；否则会询问一次管理员密码，并保持几分钟。</translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Set up privileged &amp;helper…</source>
        <translation>设置特权辅助程序(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Remove privileged helper…</source>
        <translation>移除特权辅助程序(&amp;R)…</translation>
    </message>
    <message>
        <source>Update privileged &amp;helper…</source>
        <translation>更新特权辅助程序(&amp;H)…</translation>
    </message>
    <message>
        <source>Update helper…</source>
        <translation>更新辅助程序…</translation>
    </message>
    <message>
        <source>Install the privileged helper (asks for an administrator password): {summary}</source>
        <translation>安装特权辅助程序（需要管理员密码）：{summary}</translation>
    </message>
    <message>
        <source>Set up the privileged helper</source>
        <translation>设置特权辅助程序</translation>
    </message>
    <message>
        <source>Install RAMLens&apos;s privileged helper so the root-only Empty actions work without starting RAMLens as root? You will be asked for an administrator password.</source>
        <translation>安装 RAMLens 的特权辅助程序，使需要 root 的清理操作无需以 root 身份启动 RAMLens 即可使用？将要求输入管理员密码。</translation>
    </message>
    <message>
        <source>Setting up the privileged helper…</source>
        <translation>正在设置特权辅助程序…</translation>
    </message>
    <message>
        <source>Remove the privileged helper</source>
        <translation>移除特权辅助程序</translation>
    </message>
    <message>
        <source>Remove RAMLens&apos;s privileged helper and its polkit policy? Root-only Empty actions will need RAMLens started as root again. You will be asked for an administrator password.</source>
        <translation>移除 RAMLens 的特权辅助程序及其 polkit 策略？之后需要 root 的清理操作将再次需要以 root 身份启动 RAMLens。将要求输入管理员密码。</translation>
    </message>
    <message>
        <source>Removing the privileged helper…</source>
        <translation>正在移除特权辅助程序…</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>跟随实时</translation>
    </message>
    <message>
        <source>Keep the newest readings in view (drag or zoom the chart to inspect)</source>
        <translation>保持显示最新读数（拖动或缩放图表以查看细节）</translation>
    </message>
    <message>
        <source>Whole RAM</source>
        <translation>整个内存</translation>
    </message>
    <message>
        <source>Scale the chart to all of physical memory (otherwise it scales to the lists shown)</source>
        <translation>按全部物理内存缩放图表（否则按所显示的列表缩放）</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <source>Auto-clean: </source>
        <translation>自动清理：</translation>
    </message>
    <message>
        <source>Paused — last {span} before the pause. View › Resume takes new readings again.</source>
        <translation>已暂停 — 暂停前的最近 {span}。视图 › 继续 可重新读取。</translation>
    </message>
    <message>
        <source>Live — last {span}. Drag or scroll the chart to inspect; click a legend entry to hide it.</source>
        <translation>实时 — 最近 {span}。拖动或滚动图表以查看细节；点击图例项可隐藏该列表。</translation>
    </message>
    <message>
        <source>Inspecting — the chart holds still. Press “Follow live” to return to the newest readings.</source>
        <translation>查看中 — 图表保持不动。点击“跟随实时”返回最新读数。</translation>
    </message>
</context>
<context>
    <name>HotkeyDialog</name>
    <message>
        <source>Global hotkey</source>
        <translation>全局热键</translation>
    </message>
    <message>
        <source>Run a clean with a key combination, from any program</source>
        <translation>在任何程序中用组合键运行一次清理</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
</context>
<context>
    <name>ListsView</name>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Share of RAM</source>
        <translation>占内存比例</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面数</translation>
    </message>
    <message>
        <source>Repurposed</source>
        <translation>被重新利用</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <source>Waiting for the first reading…</source>
        <translation>正在等待第一次读数…</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详细项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>&lt;b&gt;Physical memory {total}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; available {available_bytes} ({share}) &amp;nbsp;·&amp;nbsp; page size {page_size}</source>
        <translation>&lt;b&gt;物理内存 {total}&lt;/b&gt; &amp;nbsp;·&amp;nbsp; 可用 {available_bytes}（{share}）&amp;nbsp;·&amp;nbsp; 页面大小 {page_size}</translation>
    </message>
    <message>
        <source> &amp;nbsp;·&amp;nbsp; &lt;i&gt;{limited}&lt;/i&gt;</source>
        <translation> &amp;nbsp;·&amp;nbsp; &lt;i&gt;{limited}&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Total {total}; available {available_bytes}</source>
        <translation>总计 {total}；可用 {available_bytes}</translation>
    </message>
    <message>
        <source>{page_size:,}-byte pages</source>
        <translation>{page_size:,} 字节的页面</translation>
    </message>
    <message>
        <source>Pages taken from this list for other uses (cumulative)</source>
        <translation>从此列表取走另作他用的页面数（累计）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>{total_bytes}; the lists add up to {listed}</source>
        <translation>{total_bytes}；各列表合计 {listed}</translation>
    </message>
    <message>
        <source>{value:,} pages</source>
        <translation>{value:,} 个页面</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{action}: {effect}</source>
        <translation>{action}：{effect}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Every {seconds} s</source>
        <translation>每 {seconds} 秒</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>Memory lists</source>
        <translation>内存列表</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Running without administrator rights: Empty actions may fail.</source>
        <translation>未以管理员权限运行：清理操作可能失败。</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>not administrator</source>
        <translation>非管理员</translation>
    </message>
    <message>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message>
        <source>not root</source>
        <translation>非 root</translation>
    </message>
    <message>
        <source>The backend reading memory, and whether RAMLens runs with full rights</source>
        <translation>读取内存的后端，以及 RAMLens 是否以完全权限运行</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export chart…</source>
        <translation>导出图表(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>立即刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Refresh &amp;rate</source>
        <translation>刷新频率(&amp;R)</translation>
    </message>
    <message>
        <source>History &amp;span</source>
        <translation>历史时长(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About RAMLens</source>
        <translation>关于 RAMLens(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>清理</translation>
    </message>
    <message>
        <source>Move memory between lists (the Empty menu)</source>
        <translation>在列表之间移动内存（清理菜单）</translation>
    </message>
    <message>
        <source>Empty — {action}…</source>
        <translation>清理 — {action}…</translation>
    </message>
    <message>
        <source>Go to {tab}</source>
        <translation>转到“{tab}”</translation>
    </message>
    <message>
        <source>The language changes when RAMLens starts again.</source>
        <translation>语言将在 RAMLens 下次启动时更改。</translation>
    </message>
    <message>
        <source>choose a file ending in .png, .svg or .csv</source>
        <translation>请选择以 .png、.svg 或 .csv 结尾的文件</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Image width in pixels:</source>
        <translation>图像宽度（像素）：</translation>
    </message>
    <message>
        <source>Could not export the chart to {path}: {error}</source>
        <translation>无法将图表导出到 {path}：{error}</translation>
    </message>
    <message>
        <source>Chart exported to {path}</source>
        <translation>图表已导出到 {path}</translation>
    </message>
    <message>
        <source>Could not restart as administrator: {error}</source>
        <translation>无法以管理员身份重新启动：{error}</translation>
    </message>
    <message>
        <source>About RAMLens</source>
        <translation>关于 RAMLens</translation>
    </message>
    <message>
        <source>Where physical memory is, live: in use, standby, modified, free — as a table and over time — and the Empty actions that move it.</source>
        <translation>实时显示物理内存的去向：使用中、待机、已修改、空闲 — 以表格和时间曲线呈现 — 以及移动内存的清理操作。</translation>
    </message>
    <message>
        <source>Backend: {backend} on {platform}.</source>
        <translation>后端：{platform} 上的 {backend}。</translation>
    </message>
    <message>
        <source>{action}?</source>
        <translation>{action}？</translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation>不再询问</translation>
    </message>
    <message>
        <source>Reading failed</source>
        <translation>读取失败</translation>
    </message>
    <message>
        <source>Reading memory failed: {error}</source>
        <translation>读取内存失败：{error}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>{action} — running…</source>
        <translation>{action} — 正在运行…</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PagesView</name>
    <message>
        <source>&lt;b&gt;The physical-page census is unavailable:&lt;/b&gt; {reason}.</source>
        <translation>&lt;b&gt;物理页面普查不可用：&lt;/b&gt;{reason}。</translation>
    </message>
    <message>
        <source>Take census</source>
        <translation>开始普查</translation>
    </message>
    <message>
        <source>Read the flags of every page frame and classify each one</source>
        <translation>读取每个页框的标志并逐一分类</translation>
    </message>
    <message>
        <source>Press Take census to classify every physical page of this machine.</source>
        <translation>点击“开始普查”对本机的每个物理页面进行分类。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>/proc/meminfo</source>
        <translation>/proc/meminfo</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>meminfo figure</source>
        <translation>meminfo 中的项</translation>
    </message>
    <message>
        <source>Pages by class, next to /proc/meminfo</source>
        <translation>按类别统计的页面，与 /proc/meminfo 对照</translation>
    </message>
    <message>
        <source>Flag names</source>
        <translation>标志名称</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Filter by class, name or flags (e.g. Standby, Process private)</source>
        <translation>按类别、名称或标志筛选（例如 待机、进程私有）</translation>
    </message>
    <message>
        <source>Flag combinations (as tools/mm/page-types prints them)</source>
        <translation>标志组合（与 tools/mm/page-types 的输出相同）</translation>
    </message>
    <message>
        <source>Page kinds</source>
        <translation>页面种类</translation>
    </message>
    <message>
        <source>Physical Pages</source>
        <translation>物理页框</translation>
    </message>
    <message>
        <source>physical address (GiB)</source>
        <translation>物理地址（GiB）</translation>
    </message>
    <message>
        <source>offset in the row (MiB)</source>
        <translation>行内偏移（MiB）</translation>
    </message>
    <message>
        <source>No census yet: the map appears after Take census.</source>
        <translation>尚无页面普查：执行“进行普查”后显示页面图。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{frames:,} page frames&lt;/b&gt; ({size}) classified in {elapsed:.1f} s at {time} · {n_combinations} kinds of page · one map pixel = {frames_per_cell} frames ({cell}), coloured by the class most of them have</source>
        <translation>&lt;b&gt;{frames:,} 个页框&lt;/b&gt;（{size}）于 {time} 在 {elapsed:.1f} 秒内完成分类 · {n_combinations} 种页面 · 图中一个像素 = {frames_per_cell} 个页框（{cell}），按其中多数页框的类别着色</translation>
    </message>
    <message>
        <source>Priority Summary</source>
        <translation>优先级汇总</translation>
    </message>
    <message>
        <source>Pages by class, next to {reference_name}</source>
        <translation>按类别统计的页面，与 {reference_name} 对照</translation>
    </message>
    <message>
        <source>{reference_name} figure</source>
        <translation>{reference_name} 中的数值</translation>
    </message>
    <message>
        <source>Physical memory map</source>
        <translation>物理内存图</translation>
    </message>
    <message>
        <source>Use Counts</source>
        <translation>用途统计</translation>
    </message>
    <message>
        <source>Physical Ranges</source>
        <translation>物理地址范围</translation>
    </message>
    <message>
        <source>Scroll to zoom, drag to pan; hover for the address and class</source>
        <translation>滚动缩放，拖动平移；悬停可查看地址和类别</translation>
    </message>
    <message>
        <source>; click to list the frames there.</source>
        <translation>；点击可列出该处的页框。</translation>
    </message>
    <message>
        <source>Reading page frames…</source>
        <translation>正在读取页框…</translation>
    </message>
    <message>
        <source>Reading page frames… {done:,} of {expected:,}</source>
        <translation>正在读取页框… {done:,} / {expected:,}</translation>
    </message>
    <message>
        <source>&lt;b&gt;The census failed:&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;普查失败：&lt;/b&gt;{message}</translation>
    </message>
    <message>
        <source>Take census again</source>
        <translation>重新普查</translation>
    </message>
    <message>
        <source>Physical memory map · {row_bytes} per row · {frames_per_cell} per pixel</source>
        <translation>物理内存图 · 每行 {row_bytes} · 每像素 {frames_per_cell}</translation>
    </message>
    <message>
        <source>physical address 0x{address:011x} ({offset}): not RAM</source>
        <translation>物理地址 0x{address:011x}（{offset}）：不是内存</translation>
    </message>
    <message>
        <source>physical address 0x{address:011x} ({offset}): mostly {label}</source>
        <translation>物理地址 0x{address:011x}（{offset}）：主要为{label}</translation>
    </message>
    <message>
        <source>Physical pages</source>
        <translation>物理页面</translation>
    </message>
</context>
<context>
    <name>PriorityView</name>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Standby (census)</source>
        <translation>待机（普查）</translation>
    </message>
    <message>
        <source>Standby (listed)</source>
        <translation>待机（列表）</translation>
    </message>
    <message>
        <source>Repurposed</source>
        <translation>被重新利用</translation>
    </message>
    <message>
        <source>Repurposed: pages Windows took from that priority&apos;s standby list for another use since boot (a count of pages; the lowest priorities are taken first).</source>
        <translation>被重新利用：自开机以来 Windows 从该优先级的待机列表中取走另作他用的页面（页面数；最低优先级的最先被取走）。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
</context>
<context>
    <name>ProcessesView</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Working set</source>
        <translation>工作集</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>待机</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Resident memory (working set): physical pages the process maps now</source>
        <translation>常驻内存（工作集）：进程当前映射的物理页面</translation>
    </message>
    <message>
        <source>Pages only this process uses (USS when readable, else working set − shared)</source>
        <translation>仅此进程使用的页面（可读取时为 USS，否则为工作集 − 共享）</translation>
    </message>
    <message>
        <source>Working-set pages shared with other processes (files, libraries, shared memory)</source>
        <translation>与其他进程共享的工作集页面（文件、库、共享内存）</translation>
    </message>
    <message>
        <source>Proportional set size: private + each shared page divided by the processes sharing it</source>
        <translation>按比例分摊的内存（PSS）：私有页面 + 每个共享页面除以共享它的进程数</translation>
    </message>
    <message>
        <source>Process-private pages of this process on the standby list (the last page census)</source>
        <translation>此进程位于待机列表上的私有页面（最近一次页面普查）</translation>
    </message>
    <message>
        <source>Process-private pages of this process on the modified list (the last page census)</source>
        <translation>此进程位于已修改列表上的私有页面（最近一次页面普查）</translation>
    </message>
    <message>
        <source>Filter by name, user or PID</source>
        <translation>按名称、用户或 PID 筛选</translation>
    </message>
    <message>
        <source>Trim working set</source>
        <translation>修剪工作集</translation>
    </message>
    <message>
        <source>Trim the working sets of the selected processes</source>
        <translation>修剪所选进程的工作集</translation>
    </message>
    <message>
        <source>Kernel threads</source>
        <translation>内核线程</translation>
    </message>
    <message>
        <source>Also list processes without memory of their own (kernel threads)</source>
        <translation>同时列出没有自身内存的进程（内核线程）</translation>
    </message>
    <message>
        <source>{shown} of {count} processes match</source>
        <translation>{count} 个进程中有 {shown} 个匹配</translation>
    </message>
    <message>
        <source>1 process</source>
        <translation>1 个进程</translation>
    </message>
    <message>
        <source>Trim working set ({n_pids} selected)</source>
        <translation>修剪工作集（已选 {n_pids} 个）</translation>
    </message>
    <message>
        <source>{count} processes</source>
        <translation>{count} 个进程</translation>
    </message>
    <message>
        <source> ({count} kernel threads hidden)</source>
        <translation>（已隐藏 {count} 个内核线程）</translation>
    </message>
    <message>
        <source>{shown} · working sets {size}</source>
        <translation>{shown} · 工作集 {size}</translation>
    </message>
    <message>
        <source> · PSS {size} (what the processes really occupy)</source>
        <translation> · PSS {size}（进程实际占用）</translation>
    </message>
</context>
<context>
    <name>RangesView</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详细项</translation>
    </message>
    <message>
        <source>Not shown: {problem}.</source>
        <translation>未显示：{problem}。</translation>
    </message>
    <message>
        <source>RAM in all: {size} in {count} ranges.</source>
        <translation>内存总计：{size}，共 {count} 个范围。</translation>
    </message>
</context>
<context>
    <name>SessionUI</name>
    <message>
        <source>Start with the session</source>
        <translation>随会话启动</translation>
    </message>
    <message>
        <source>Start RAMLens minimized to the tray when you log in ({location})</source>
        <translation>登录时启动 RAMLens 并最小化到托盘（{location}）</translation>
    </message>
    <message>
        <source>Start as administrator without the prompt</source>
        <translation>以管理员身份启动且不提示</translation>
    </message>
    <message>
        <source>A scheduled task starts the window elevated: no UAC prompt each time</source>
        <translation>由计划任务以提升的权限启动窗口：不再每次弹出 UAC 提示</translation>
    </message>
    <message>
        <source>Global hotkey…</source>
        <translation>全局热键…</translation>
    </message>
    <message>
        <source>RAMLens starts with the session ({location})</source>
        <translation>RAMLens 将随会话启动（{location}）</translation>
    </message>
    <message>
        <source>RAMLens no longer starts with the session</source>
        <translation>RAMLens 不再随会话启动</translation>
    </message>
    <message>
        <source>Restarting as administrator no longer asks</source>
        <translation>以管理员身份重新启动时不再提示</translation>
    </message>
    <message>
        <source>The UAC prompt is back</source>
        <translation>UAC 提示已恢复</translation>
    </message>
</context>
<context>
    <name>SettingsProblems</name>
    <message>
        <source>Some saved settings were invalid and have their defaults: {found}</source>
        <translation>部分已保存的设置无效，已恢复默认值：{found}</translation>
    </message>
</context>
<context>
    <name>SnapshotController</name>
    <message>
        <source>&amp;Save snapshot…</source>
        <translation>保存快照(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Open snapshot…</source>
        <translation>打开快照(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Compare snapshots…</source>
        <translation>比较快照(&amp;C)…</translation>
    </message>
    <message>
        <source>Include the files in memory</source>
        <translation>包含内存中的文件</translation>
    </message>
    <message>
        <source>Save snapshot also records which files are in memory (a short scan)</source>
        <translation>保存快照时同时记录哪些文件在内存中（需要短暂扫描）</translation>
    </message>
    <message>
        <source>Could not take a snapshot</source>
        <translation>无法拍摄快照</translation>
    </message>
    <message>
        <source>Reading memory failed: {error}</source>
        <translation>读取内存失败：{error}</translation>
    </message>
    <message>
        <source>Could not save the snapshot</source>
        <translation>无法保存快照</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <source>Snapshot saved to {path}: {n_processes} processes, {readings} history readings</source>
        <translation>快照已保存到 {path}：{n_processes} 个进程，{readings} 条历史读数</translation>
    </message>
    <message>
        <source>, {count} cached files</source>
        <translation>，{count} 个已缓存文件</translation>
    </message>
    <message>
        <source>This file cannot be opened</source>
        <translation>无法打开此文件</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>These snapshots cannot be compared</source>
        <translation>无法比较这些快照</translation>
    </message>
    <message>
        <source>Could not read memory now</source>
        <translation>现在无法读取内存</translation>
    </message>
    <message>
        <source>Save snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <source>Open snapshot</source>
        <translation>打开快照</translation>
    </message>
    <message>
        <source>Choose snapshot A, and snapshot B or “this machine now”.</source>
        <translation>请选择快照 A，以及快照 B 或“本机当前状态”。</translation>
    </message>
</context>
<context>
    <name>SnapshotWindow</name>
    <message>
        <source>RAMLens — {name} (snapshot, read-only)</source>
        <translation>RAMLens — {name}（快照，只读）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Snapshot {name}&lt;/b&gt; — taken {taken} on &lt;b&gt;{hostname}&lt;/b&gt; ({os}). Read-only: nothing here updates.</source>
        <translation>&lt;b&gt;快照 {name}&lt;/b&gt; — 于 {taken} 在 &lt;b&gt;{hostname}&lt;/b&gt;（{os}）上拍摄。只读：此处内容不会更新。</translation>
    </message>
    <message>
        <source>Compare with now</source>
        <translation>与当前比较</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>与…比较</translation>
    </message>
    <message>
        <source>Memory lists</source>
        <translation>内存列表</translation>
    </message>
    <message>
        <source>Recorded in the snapshot: {n_times} readings over {minutes:.1f} min. Drag or scroll the chart to inspect; click a legend entry to hide a list.</source>
        <translation>快照中记录了 {minutes:.1f} 分钟内的 {n_times} 条读数。拖动或滚动图表以查看细节；点击图例项可隐藏该列表。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Filter by name, user or PID</source>
        <translation>按名称、用户或 PID 筛选</translation>
    </message>
    <message>
        <source>{n_processes} processes at the time of the snapshot</source>
        <translation>拍摄快照时有 {n_processes} 个进程</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Fragmentation</source>
        <translation>碎片</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Unusable @ {size}</source>
        <translation>不可用 @ {size}</translation>
    </message>
    <message>
        <source>Fragmentation @ {size}</source>
        <translation>碎片 @ {size}</translation>
    </message>
    <message>
        <source>Free blocks per size (order) in each zone, from /proc/buddyinfo, and the kernel&apos;s indices for a {huge_size} (huge-page) allocation: unusable free index 0–1; fragmentation index near 1 = failing for fragmentation, −1 = it would succeed</source>
        <translation>各区域按大小（阶）划分的空闲块，来自 /proc/buddyinfo，以及内核对 {huge_size}（大页）分配给出的指数：不可用空闲指数 0–1；碎片指数接近 1 = 因碎片而失败，−1 = 分配会成功</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Kernel / build</source>
        <translation>内核 / 版本</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>页面大小</translation>
    </message>
    <message>
        <source>{count} bytes</source>
        <translation>{count} 字节</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <source>Total memory</source>
        <translation>内存总量</translation>
    </message>
    <message>
        <source>Census: {key}</source>
        <translation>普查：{key}</translation>
    </message>
    <message>
        <source>Compare with snapshot</source>
        <translation>与快照比较</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Hide RAMLens</source>
        <translation>隐藏 RAMLens</translation>
    </message>
    <message>
        <source>Auto-clean</source>
        <translation>自动清理</translation>
    </message>
    <message>
        <source>Close to tray</source>
        <translation>关闭时最小化到托盘</translation>
    </message>
    <message>
        <source>Notify after each Empty</source>
        <translation>每次清空后通知</translation>
    </message>
    <message>
        <source>A tray notification says what each Empty moved</source>
        <translation>托盘通知会说明每次清空移动了哪些内存</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>此桌面没有系统托盘</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Show RAMLens</source>
        <translation>显示 RAMLens</translation>
    </message>
    <message>
        <source>Auto-clean: {text}</source>
        <translation>自动清理：{text}</translation>
    </message>
</context>
<context>
    <name>UseCountsTable</name>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>{count} pages · {share} of all</source>
        <translation>{count} 个页面 · 占全部 {share}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>Combine memory pages</source>
        <translation>合并内存页面</translation>
    </message>
    <message>
        <source>Merge identical physical pages into one shared copy (Windows 10 and later).</source>
        <translation>将内容相同的物理页面合并为一份共享副本（Windows 10 及更高版本）。</translation>
    </message>
    <message>
        <source>Nothing is lost: identical pages are shared until a program writes to one.</source>
        <translation>不会丢失任何数据：相同的页面被共享，直到某个程序写入其中之一。</translation>
    </message>
    <message>
        <source>Empty compression store</source>
        <translation>清空压缩存储</translation>
    </message>
    <message>
        <source>Trim the memory compression store&apos;s working set, as System Informer does (Windows 10 and later).</source>
        <translation>修剪内存压缩存储的工作集，与 System Informer 的做法相同（Windows 10 及更高版本）。</translation>
    </message>
    <message>
        <source>The store&apos;s compressed pages go to the modified list and then to the page file; programs that need them again wait for disk reads.</source>
        <translation>存储中的压缩页面先进入已修改列表，再写入页面文件；再次需要它们的程序要等待磁盘读取。</translation>
    </message>
    <message>
        <source>Empty system file cache</source>
        <translation>清空系统文件缓存</translation>
    </message>
    <message>
        <source>Trim the system working set that holds the file cache; its pages go to standby.</source>
        <translation>修剪存放文件缓存的系统工作集；其页面转入待机列表。</translation>
    </message>
    <message>
        <source>Nothing is thrown away: the pages stay cached on the standby list and come back without disk reads while memory is plentiful.</source>
        <translation>不会丢弃任何数据：页面仍缓存在待机列表上，内存充足时无需读取磁盘即可取回。</translation>
    </message>
    <message>
        <source>Empty registry cache</source>
        <translation>清空注册表缓存</translation>
    </message>
    <message>
        <source>Flush registry hives from memory (Windows 8.1 and later).</source>
        <translation>将注册表配置单元从内存中刷新出去（Windows 8.1 及更高版本）。</translation>
    </message>
    <message>
        <source>Registry data is read back from the hive files when next used.</source>
        <translation>注册表数据会在下次使用时从配置单元文件重新读取。</translation>
    </message>
    <message>
        <source>Empty working sets</source>
        <translation>清空工作集</translation>
    </message>
    <message>
        <source>Trim every process&apos;s working set: pages move to the standby and modified lists (Linux: process_madvise(MADV_PAGEOUT) over every process).</source>
        <translation>修剪每个进程的工作集：页面转入待机列表和已修改列表（Linux：对每个进程执行 process_madvise(MADV_PAGEOUT)）。</translation>
    </message>
    <message>
        <source>Programs fault their pages back in as they touch them: from the standby list (fast), or from disk for pages written to swap or the page file, so they may be slow for a while.</source>
        <translation>程序访问页面时会把它们重新调入：来自待机列表的很快，已写入交换区或页面文件的则要从磁盘读取，因此程序可能会慢一阵子。</translation>
    </message>
    <message>
        <source>Flush modified list</source>
        <translation>刷新已修改列表</translation>
    </message>
    <message>
        <source>Write dirty pages back to disk; they become clean standby pages (Linux: sync).</source>
        <translation>将脏页写回磁盘；它们变为干净的待机页面（Linux：sync）。</translation>
    </message>
    <message>
        <source>Dirty pages are written to disk now (a burst of disk writes); they stay cached as standby pages, so nothing has to be read again.</source>
        <translation>脏页立即写入磁盘（一阵集中的磁盘写入）；它们仍作为待机页面保留在缓存中，因此无需重新读取。</translation>
    </message>
    <message>
        <source>Flush modified file cache</source>
        <translation>刷新已修改文件缓存</translation>
    </message>
    <message>
        <source>Flush the write cache of every volume.</source>
        <translation>刷新每个卷的写入缓存。</translation>
    </message>
    <message>
        <source>Each volume&apos;s pending writes go to disk now (a burst of disk writes); the data stays cached, so nothing has to be read again.</source>
        <translation>每个卷待写的数据立即写入磁盘（一阵集中的磁盘写入）；数据仍保留在缓存中，因此无需重新读取。</translation>
    </message>
    <message>
        <source>Purge standby list</source>
        <translation>清空待机列表</translation>
    </message>
    <message>
        <source>Drop the clean file cache; its pages become free (Linux: drop_caches=1).</source>
        <translation>丢弃干净的文件缓存；其页面变为空闲（Linux：drop_caches=1）。</translation>
    </message>
    <message>
        <source>Cached file data is thrown away: programs read their files from disk again, which shows as stutter and slow starts until the cache refills.</source>
        <translation>缓存的文件数据会被丢弃：程序要重新从磁盘读取文件，在缓存重新填满之前会表现为卡顿和启动缓慢。</translation>
    </message>
    <message>
        <source>Purge priority-0 standby list</source>
        <translation>清空优先级 0 待机列表</translation>
    </message>
    <message>
        <source>Drop only the lowest-priority standby pages.</source>
        <translation>只丢弃优先级最低的待机页面。</translation>
    </message>
    <message>
        <source>Only the least-used cached data is thrown away; programs rarely need it again soon.</source>
        <translation>只丢弃最少使用的缓存数据；程序很少会很快再次需要它。</translation>
    </message>
    <message>
        <source>Purge kernel caches</source>
        <translation>清空内核缓存</translation>
    </message>
    <message>
        <source>Drop reclaimable kernel slab caches: dentries and inodes (drop_caches=2).</source>
        <translation>丢弃可回收的内核 slab 缓存：目录项和 inode（drop_caches=2）。</translation>
    </message>
    <message>
        <source>Cached directory entries and inodes are thrown away: the next file lookups read them from disk again.</source>
        <translation>缓存的目录项和 inode 会被丢弃：之后的文件查找要重新从磁盘读取它们。</translation>
    </message>
    <message>
        <source>Compact memory</source>
        <translation>规整内存</translation>
    </message>
    <message>
        <source>Move movable pages together so free memory forms large contiguous blocks (compact_memory).</source>
        <translation>把可移动页面集中到一起，使空闲内存形成大的连续块（compact_memory）。</translation>
    </message>
    <message>
        <source>Nothing is lost: the kernel is busy moving pages for a moment.</source>
        <translation>不会丢失任何数据：内核会短暂忙于移动页面。</translation>
    </message>
    <message>
        <source>Empty all</source>
        <translation>全部清理</translation>
    </message>
    <message>
        <source>Trim working set</source>
        <translation>修剪工作集</translation>
    </message>
    <message>
        <source>Runs every available Empty action in order.</source>
        <translation>依次执行所有可用的清理操作。</translation>
    </message>
    <message>
        <source>runs through the privileged helper; you will be asked for a password</source>
        <translation>通过特权辅助程序运行；将要求输入密码</translation>
    </message>
</context>
<context>
    <name>autoclean</name>
    <message>
        <source>Run it automatically only if you know you need it.</source>
        <translation>只有确定需要时才让它自动运行。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>not running: no rule is switched on</source>
        <translation>未运行：没有启用任何规则</translation>
    </message>
    <message>
        <source>in use &gt; {percent} %</source>
        <translation>使用中 &gt; {percent} %</translation>
    </message>
    <message>
        <source>standby &gt; {size} GiB</source>
        <translation>待机 &gt; {size} GiB</translation>
    </message>
    <message>
        <source>every {minutes} min</source>
        <translation>每 {minutes} 分钟</translation>
    </message>
    <message>
        <source>on: {rules}</source>
        <translation>开启：{rules}</translation>
    </message>
    <message>
        <source>; backing off ({count} clean(s) did not help)</source>
        <translation>；正在退避（已有 {count} 次清理未见效）</translation>
    </message>
</context>
<context>
    <name>backend</name>
    <message>
        <source>Not running as root: the root-only Empty actions ask for an administrator&apos;s password through pkexec; the physical-page census and /proc/pagetypeinfo need root (start RAMLens with sudo).</source>
        <translation>未以 root 身份运行：需要 root 的清理操作会通过 pkexec 要求输入管理员密码；物理页面普查和 /proc/pagetypeinfo 需要 root（请用 sudo 启动 RAMLens）。</translation>
    </message>
    <message>
        <source>Not running as root: the root-only Empty actions run without a password through pkexec; the physical-page census and /proc/pagetypeinfo need root (start RAMLens with sudo).</source>
        <translation>未以 root 身份运行：需要 root 的清理操作会通过 pkexec 无需密码运行；物理页面普查和 /proc/pagetypeinfo 需要 root（请用 sudo 启动 RAMLens）。</translation>
    </message>
    <message>
        <source>Not running as root: reading works, but every Empty action except Flush modified list needs root (start RAMLens with sudo, or install the pkexec helper with Set up…); the physical-page census and /proc/pagetypeinfo need root (start RAMLens with sudo).</source>
        <translation>未以 root 身份运行：可以读取，但除“刷新已修改列表”外的所有清理操作都需要 root（请用 sudo 启动 RAMLens，或通过“设置…”安装 pkexec 辅助程序）；物理页面普查和 /proc/pagetypeinfo 需要 root（请用 sudo 启动 RAMLens）。</translation>
    </message>
    <message>
        <source>Not running as administrator: the lists come from performance counters (less detail) and the Empty actions are unavailable. Restart as administrator to use them.</source>
        <translation>未以管理员身份运行：列表来自性能计数器（细节较少），清理操作不可用。请以管理员身份重新启动以使用它们。</translation>
    </message>
</context>
<context>
    <name>buddy</name>
    <message>
        <source>free memory not in the buddy allocator&apos;s free lists: not yet handed to the buddy allocator (e.g. lazily initialised memory on a VM) or held on per-CPU free lists</source>
        <translation>不在伙伴分配器空闲链表中的空闲内存：尚未交给伙伴分配器（例如虚拟机上延迟初始化的内存），或保存在每 CPU 空闲链表中</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>RAMLens memory history</source>
        <translation>RAMLens 内存历史</translation>
    </message>
</context>
<context>
    <name>helper</name>
    <message>
        <source>the helper at {where} cannot be used: {problem}</source>
        <translation>{where} 处的辅助程序无法使用：{problem}</translation>
    </message>
    <message>
        <source>not installed (it would go to {where})</source>
        <translation>未安装（将安装到 {where}）</translation>
    </message>
    <message>
        <source>installed at {where} (version {version}), older than this RAMLens: update it</source>
        <translation>已安装在 {where}（版本 {version}），比当前 RAMLens 旧：请更新</translation>
    </message>
    <message>
        <source>installed at {where} (version {version}), matches this RAMLens</source>
        <translation>已安装在 {where}（版本 {version}），与当前 RAMLens 一致</translation>
    </message>
</context>
<context>
    <name>helper_setup</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>待机</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Modified no-write</source>
        <translation>已修改不写入</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Zeroed</source>
        <translation>已清零</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>坏页</translation>
    </message>
    <message>
        <source>Priority {n}</source>
        <translation>优先级 {n}</translation>
    </message>
    <message>
        <source>Anonymous (process heap and stacks)</source>
        <translation>匿名页（进程堆和栈）</translation>
    </message>
    <message>
        <source>Shared memory (tmpfs, shmem)</source>
        <translation>共享内存（tmpfs、shmem）</translation>
    </message>
    <message>
        <source>Mapped files</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <source>Kernel (slab, stacks, page tables, vmalloc, per-CPU)</source>
        <translation>内核（slab、栈、页表、vmalloc、每 CPU）</translation>
    </message>
    <message>
        <source>Kernel/other (drivers, huge pages, unaccounted)</source>
        <translation>内核/其他（驱动程序、大页、未统计）</translation>
    </message>
    <message>
        <source>Low priority (inactive)</source>
        <translation>低优先级（非活动）</translation>
    </message>
    <message>
        <source>High priority (active)</source>
        <translation>高优先级（活动）</translation>
    </message>
    <message>
        <source>Dirty (waiting for write-back)</source>
        <translation>脏页（等待回写）</translation>
    </message>
    <message>
        <source>Free blocks (MemFree)</source>
        <translation>空闲块（MemFree）</translation>
    </message>
    <message>
        <source>On per-CPU free lists (not in MemFree)</source>
        <translation>在每 CPU 空闲列表上（不计入 MemFree）</translation>
    </message>
    <message>
        <source>Being written back</source>
        <translation>正在回写</translation>
    </message>
    <message>
        <source>Reserve (priorities 0–3)</source>
        <translation>保留（优先级 0–3）</translation>
    </message>
    <message>
        <source>Normal priority (4–5)</source>
        <translation>普通优先级（4–5）</translation>
    </message>
    <message>
        <source>Core (priorities 6–7)</source>
        <translation>核心（优先级 6–7）</translation>
    </message>
    <message>
        <source>Free + zeroed</source>
        <translation>空闲 + 已清零</translation>
    </message>
    <message>
        <source>Available (standby, free and zeroed together)</source>
        <translation>可用（待机、空闲和已清零合计）</translation>
    </message>
    <message>
        <source>Compression store</source>
        <translation>压缩存储</translation>
    </message>
    <message>
        <source>Bound for the page file</source>
        <translation>待写入页面文件</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>RAMLens cannot read memory</source>
        <translation>RAMLens 无法读取内存</translation>
    </message>
    <message>
        <source>RAMLens cannot start: {error}</source>
        <translation>RAMLens 无法启动：{error}</translation>
    </message>
</context>
<context>
    <name>pagecensus</name>
    <message>
        <source>Reserved / hole / no flags</source>
        <translation>保留 / 空洞 / 无标志</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Slab</source>
        <translation>Slab</translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation>页表</translation>
    </message>
    <message>
        <source>Unevictable</source>
        <translation>不可逐出</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名页</translation>
    </message>
    <message>
        <source>Shmem</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Mapped file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>待机</translation>
    </message>
    <message>
        <source>Other kernel</source>
        <translation>其他内核</translation>
    </message>
    <message>
        <source>Flag combinations (as tools/mm/page-types prints them)</source>
        <translation>标志组合（与 tools/mm/page-types 的输出相同）</translation>
    </message>
    <message>
        <source>Page kinds (use · list · priority)</source>
        <translation>页面种类（用途 · 列表 · 优先级）</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>no list changed by more than 1 MiB</source>
        <translation>没有列表的变化超过 1 MiB</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{action}: {summary}</source>
        <translation>{action}：{summary}</translation>
    </message>
    <message>
        <source>{action} failed: {reason}</source>
        <translation>{action}失败：{reason}</translation>
    </message>
    <message>
        <source>{action}: {moved}</source>
        <translation>{action}：{moved}</translation>
    </message>
    <message>
        <source>failed — {reason}</source>
        <translation>失败 — {reason}</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action}失败</translation>
    </message>
    <message>
        <source>{action}: not everything worked</source>
        <translation>{action}：部分操作未成功</translation>
    </message>
</context>
<context>
    <name>usecounts</name>
    <message>
        <source>Anonymous</source>
        <translation>匿名页</translation>
    </message>
    <message>
        <source>File (page cache)</source>
        <translation>文件（页面缓存）</translation>
    </message>
    <message>
        <source>Shmem / tmpfs</source>
        <translation>共享内存 / tmpfs</translation>
    </message>
    <message>
        <source>Slab</source>
        <translation>Slab</translation>
    </message>
    <message>
        <source>Page tables</source>
        <translation>页表</translation>
    </message>
    <message>
        <source>Huge pages (hugetlb)</source>
        <translation>大页（hugetlb）</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Reserved / no flags</source>
        <translation>保留 / 无标志</translation>
    </message>
    <message>
        <source>Other kernel</source>
        <translation>其他内核</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>待机</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>保留</translation>
    </message>
</context>
</TS>
