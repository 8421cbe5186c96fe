# SPDX-License-Identifier: BSD-3-Clause
# io forwarding Mpps against burst size on two net_null ports.
# gnuplot -e "datafile='F'; outfile='O.png'; rounds=N" bench/plot/burst.gp
# datafile columns: burst, Sluice Mpps, DPDK Mpps
set terminal pngcairo size 800,500 font ",10"
set output outfile
set termoption noenhanced
set title sprintf("io forwarding, two net_null ports, one lcore (median of %d rounds)", rounds)
set xlabel "burst size (packets)"
set ylabel "Mpps (both ports)"
set logscale x 2
set xtics (1, 4, 8, 16, 32, 64)
set xrange [0.8:80]
set yrange [0:*]
set grid
set key top left
plot datafile using 1:2 with linespoints lw 2 pt 7 title "Sluice (sluice-testpmd)", \
     datafile using 1:3 with linespoints lw 2 pt 5 title "DPDK 22.11 (dpdk-testpmd)"
