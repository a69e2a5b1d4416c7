//! Reports other than the built-in one: traditional characters and rare characters, with
//! figures written the way authors write them. Every figure is read as written.

use crate::common;

use std::process::Command;

use egui_kittest::kittest::Queryable as _;
use huimou::viewer::app::Startup;
use huimou::viewer::settings::Settings;

fn figures_csv(file: &str) -> Vec<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_huimou"))
        .args(["figures", common::data(file).to_str().expect("UTF-8 path")])
        // The messages checked are the English ones, whatever the machine's locale.
        .env("LC_ALL", "C")
        .output()
        .expect("runs");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_traditional_report_reads_every_figure_as_written() {
    let rows = figures_csv("good/traditional.ron");
    let expected = [
        "chapter,initiative,label,value,unit,qualifier,base_value,base_unit,measure,status,stressed,value_to,base_value_to,written",
        "1,建強基層組織網絡,全國學會,210,個,,210,個,count,result,false,,,210個",
        "1,建強基層組織網絡,地方科協,3141,個,,3141,個,count,result,false,,,\"3,141個\"",
        "1,建強基層組織網絡,鄉鎮科協,3.1,萬多個,more_than,31000,個,count,result,false,,,3.1萬多個",
        "1,建強基層組織網絡,街道科協,8400,多個,nearly+more_than,8400,個,count,result,false,,,近8400多個",
        "1,建強基層組織網絡,企業科協,2,萬個,about,20000,個,count,result,false,,,約2萬個",
        "1,爭取經費支持,爭取經費,1.2,億元,,120000000,元,count,result,false,,,1.2億元",
        "1,爭取經費支持,專項資金,1800,餘萬元,more_than,18000000,元,count,result,false,,,1800餘萬元",
        "1,爭取經費支持,社會捐贈,450,萬元,nearly,4500000,元,count,result,false,,,將近四百五十萬元",
        "1,爭取經費支持,舉辦活動,20,餘場次,more_than,20,場次,count,result,false,,,二十餘場次",
        "2,提升公民科學素質,具備科學素質的公民比例,6.2,%,,6.2,%,percent,result,false,,,６.２%",
        "2,提升公民科學素質,具備科學素質的公民比例,11.7,%,,11.7,%,percent,result,false,,,11.7%",
        "2,提升公民科學素質,參與人數,1000,萬餘人次,over+more_than,10000000,人次,count,result,false,,,\"超過1,000萬餘人次\"",
        "2,提升公民科學素質,培訓,300,人左右,about,300,人,count,result,false,,,300人左右",
    ];
    assert_eq!(rows, expected);
}

#[test]
fn a_rare_character_report_reads_every_figure_as_written() {
    let rows = figures_csv("good/rare.ron");
    assert_eq!(
        rows,
        [
            "chapter,initiative,label,value,unit,qualifier,base_value,base_unit,measure,status,stressed,value_to,base_value_to,written",
            "1,表彰優秀科技工作者,獲表彰人數,12,人,,12,人,count,result,false,,,１２人",
            "1,表彰優秀科技工作者,科技工作者,3.5,萬人,about,35000,人,count,result,false,,,約3.5萬人",
            "1,表彰優秀科技工作者,青年科技工作者,8400,人左右,about,8400,人,count,result,false,,,\"8,400人左右\"",
        ]
    );
}

#[test]
fn the_built_in_report_keeps_余_before_万() {
    let harness = common::viewer_with(Settings::default(), Startup::default());
    // 1800 余万元 is "more than 18 million yuan"; 1,800万余元 would say "18 million and some".
    harness.get_by_label("1,800余万元");
    assert!(harness.query_by_label("1,800万余元").is_none());
}
