<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionRunner</name>
    <message>
        <source>Trim working set</source>
        <translation>修剪工作集</translation>
    </message>
    <message>
        <source>{action} failed: {reason}</source>
        <translation>{action}失败：{reason}</translation>
    </message>
    <message>
        <source>no list changed by more than 1 MiB</source>
        <translation>没有列表的变化超过 1 MiB</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
<context>
    <name>AutoCleanDialog</name>
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
        <source>Auto-clean: </source>
        <translation>自动清理：</translation>
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
        <source>Programs may slow down for a while as they read their data back from disk.</source>
        <translation>程序从磁盘重新读回数据期间，可能会变慢一段时间。</translation>
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
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>{action} failed: {reason}</source>
        <translation>{action}失败：{reason}</translation>
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
        <source>Choose the snapshots</source>
        <translation>选择快照</translation>
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
        <source>Empty compression store</source>
        <translation>清空压缩存储</translation>
    </message>
    <message>
        <source>Trim the memory compression store&apos;s working set, as System Informer does (Windows 10 and later).</source>
        <translation>修剪内存压缩存储的工作集，与 System Informer 的做法相同（Windows 10 及更高版本）。</translation>
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
        <source>Empty registry cache</source>
        <translation>清空注册表缓存</translation>
    </message>
    <message>
        <source>Flush registry hives from memory (Windows 8.1 and later).</source>
        <translation>将注册表配置单元从内存中刷新出去（Windows 8.1 及更高版本）。</translation>
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
        <source>Flush modified list</source>
        <translation>刷新已修改列表</translation>
    </message>
    <message>
        <source>Write dirty pages back to disk; they become clean standby pages (Linux: sync).</source>
        <translation>将脏页写回磁盘；它们变为干净的待机页面（Linux：sync）。</translation>
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
        <source>Purge standby list</source>
        <translation>清空待机列表</translation>
    </message>
    <message>
        <source>Drop the clean file cache; its pages become free (Linux: drop_caches=1).</source>
        <translation>丢弃干净的文件缓存；其页面变为空闲（Linux：drop_caches=1）。</translation>
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
        <source>Purge kernel caches</source>
        <translation>清空内核缓存</translation>
    </message>
    <message>
        <source>Drop reclaimable kernel slab caches: dentries and inodes (drop_caches=2).</source>
        <translation>丢弃可回收的内核 slab 缓存：目录项和 inode（drop_caches=2）。</translation>
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
        <source>Empty all</source>
        <translation>全部清理</translation>
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
        <source>Purging the standby list or flushing the modified list throws away cached files: programs then read them from disk again, which shows as stutter and slow starts. Enable these only if you know you need it.</source>
        <translation>清空待机列表或刷新已修改列表会丢弃已缓存的文件：程序随后要从磁盘重新读取，表现为卡顿和启动变慢。只有在确实需要时才启用这些操作。</translation>
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
