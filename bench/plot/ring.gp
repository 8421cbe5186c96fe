# SPDX-License-Identifier: BSD-3-Clause
# Ring cycles per element against bulk size (ring_perf, legacy API).
# gnuplot -e "datafile='F'; outfile='O.png'; rounds=N" bench/plot/ring.gp
# datafile columns: bulk, Sluice SP/SC, DPDK SP/SC, Sluice MP/MC, DPDK MP/MC
set terminal pngcairo size 800,500 font ",10"
set output outfile
set termoption noenhanced
set title sprintf("ring enqueue+dequeue, one lcore (median of %d rounds; lower is better)", rounds)
set xlabel "bulk size (elements; 1 = single-element call)"
set ylabel "cycles per element"
set logscale x 2
set xtics (1, 8, 32)
set xrange [0.8:40]
set yrange [0:*]
set grid
set key top center opaque box
plot datafile using 1:2 with linespoints lw 2 pt 7 lc 1 title "Sluice SP/SC", \
     datafile using 1:3 with linespoints lw 2 pt 5 lc 2 title "DPDK 22.11 SP/SC", \
     datafile using 1:4 with linespoints lw 2 pt 7 lc 1 dt 2 title "Sluice MP/MC", \
     datafile using 1:5 with linespoints lw 2 pt 5 lc 2 dt 2 title "DPDK 22.11 MP/MC"
